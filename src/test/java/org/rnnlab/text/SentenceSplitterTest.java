package org.rnnlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private final SentenceSplitter splitter = new SentenceSplitter();

    private void check(String text, String... sentences) {
        assertEquals(List.of(sentences), splitter.split(text), text);
    }

    @Test
    void splitsAfterStopsFollowedBySpace() {
        check("he left. she stayed! did he? yes", "he left.", "she stayed!", "did he?", "yes");
    }

    @Test
    void keepsAbbreviationsTogether() {
        check("mr. smith met dr. jones at st. louis.", "mr. smith met dr. jones at st. louis.");
        check("we use e.g. apples, i.e. fruit. then we eat.", "we use e.g. apples, i.e. fruit.", "then we eat.");
        check("the u.s. economy grew. it did.", "the u.s. economy grew.", "it did.");
        check("j. r. r. tolkien wrote it.", "j. r. r. tolkien wrote it.");
        check("see no. 5 on the list. no. i refuse.", "see no. 5 on the list.", "no.", "i refuse.");
        check("at 9 a.m. we left", "at 9 a.m. we left");
    }

    @Test
    void keepsDecimalsAndUrlsWhole() {
        check("it grew 3.5 percent. next year 4.2.", "it grew 3.5 percent.", "next year 4.2.");
        check("see http://www.reddit.com/r/nfl/comments/x.html?a=1&b=2! it is good.",
                "see http://www.reddit.com/r/nfl/comments/x.html?a=1&b=2!", "it is good.");
        check("go to google.com. then search", "go to google.com.", "then search");
    }

    @Test
    void handlesEllipsesAndRunsOfQuestionAndExclamationMarks() {
        check("well... maybe not. ok", "well... maybe not.", "ok");
        check("wait… what?! no!!! really?", "wait… what?!", "no!!!", "really?");
        check("Well... Then it ended.", "Well...", "Then it ended.");
        check("it ends...", "it ends...");
    }

    @Test
    void closingQuotesAndBracketsStayWithTheirSentence() {
        check("he said \"stop.\" then he left.", "he said \"stop.\"", "then he left.");
        check("(see above.) next one", "(see above.)", "next one");
    }

    @Test
    void blankLinesAreParagraphBreaks() {
        check("first paragraph without stop\n\nsecond one\r\n  \r\nthird", "first paragraph without stop",
                "second one", "third");
        check("a single\nline break does not split", "a single\nline break does not split");
    }

    @Test
    void listNumbersAtLineStartDoNotSplit() {
        check("1. first item\n2. second item.", "1. first item\n2. second item.");
        check("it was 1999. then came 2000.", "it was 1999.", "then came 2000.");
    }

    @Test
    void emptyAndBlankTextHaveNoSentences() {
        check("");
        check("  \n\n \t ");
        check("...", "...");
    }
}
