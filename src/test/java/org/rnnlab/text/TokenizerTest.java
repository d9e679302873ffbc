package org.rnnlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lesson's examples and the conventions the issue names; NltkFixturesTest holds the thousands more. */
class TokenizerTest {
    private final TreebankTokenizer treebank = new TreebankTokenizer();

    private void check(String sentence, String tokens) {
        assertEquals(List.of(tokens.split(" ")), treebank.tokenize(sentence), sentence);
    }

    @Test
    void lessonExamples() {
        check("he left!", "he left !");
        check("aren't", "are n't");
        check("i'd", "i 'd");
        check("\"hello\" she said", "`` hello '' she said");
    }

    @Test
    void treebankConventions() {
        check("i cannot, i'm gonna go.", "i can not , i 'm gon na go .");
        check("wait... what?! (really) [no] {x}", "wait ... what ? ! ( really ) [ no ] { x }");
        check("the u.s. grew 3.5 percent in the u.s.", "the u.s. grew 3.5 percent in the u.s .");
        check("&gt; quoted", "& gt ; quoted");
        check("she said \"it's fine.\"", "she said `` it 's fine . ''");
        check("don't\nknow", "don't know");   // NLTK splits a clitic only before a space
    }

    @Test
    void emptyAndBlank() {
        assertEquals(List.of(), treebank.tokenize(""));
        assertEquals(List.of(), treebank.tokenize(" \t\n\u00a0"));
    }

    @Test
    void whitespaceTokenizerOnlySplitsAtWhiteSpace() {
        WhitespaceTokenizer naive = new WhitespaceTokenizer();
        assertEquals(List.of("he", "left!", "\"hello,\"", "aren't"), naive.tokenize("  he left!\t\"hello,\"\naren't "));
        assertEquals(List.of(), naive.tokenize("   "));
    }

    @Test
    void pipelineLowerCasesSplitsAndWraps() {
        TextPipeline pipeline = new TextPipeline();
        assertEquals(List.of(
                List.of(Tokens.START, "he", "left", "!", Tokens.END),
                List.of(Tokens.START, "mr.", "smith", "did", "n't", ".", Tokens.END)),
                pipeline.sentences("He LEFT! Mr. Smith didn't."));
        assertEquals(List.of(), pipeline.sentences("  \n\n "));
    }
}
