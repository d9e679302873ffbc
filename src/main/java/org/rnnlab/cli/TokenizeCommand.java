package org.rnnlab.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.ProgressListener;
import org.rnnlab.text.CorpusReader;
import org.rnnlab.text.SentenceSplitter;
import org.rnnlab.text.TreebankTokenizer;
import org.rnnlab.text.WhitespaceTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rnnlab tokenize}: shows how the lesson cuts text into sentences and word tokens. */
@Command(name = "tokenize",
        mixinStandardHelpOptions = true,
        description = {
                "Splits text into sentences and Penn Treebank word tokens (NLTK word_tokenize conventions)",
                "and prints one sentence a line, tokens separated by single spaces (no start/end tokens).",
                "Reads a .txt file (paragraphs separated by blank lines), a .csv file, a folder of .txt files,",
                "or standard input."})
public final class TokenizeCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", defaultValue = "-",
            description = "The text to tokenize; '-' (the default) reads standard input")
    String file;

    @Option(names = "--lower", description = "Lower-case the text first, as the lesson does")
    boolean lower;

    @Option(names = "--line-per-sentence",
            description = "Take each input line as one sentence instead of splitting sentences")
    boolean linePerSentence;

    @Option(names = "--whitespace", description = "Split at white space only (the naive tokenizer), for comparison")
    boolean whitespace;

    @Option(names = "--column", paramLabel = "NAME", defaultValue = CorpusReader.DEFAULT_COLUMN,
            description = "For a .csv file: the column holding the text. Default: ${DEFAULT-VALUE}")
    String column;

    @Override
    public Integer call() throws IOException {
        CorpusReader reader = file.equals("-")
                ? CorpusReader.ofStream(System.in, "standard input")
                : CorpusReader.open(Path.of(file), column);
        SentenceSplitter splitter = new SentenceSplitter();
        TreebankTokenizer treebank = new TreebankTokenizer();
        WhitespaceTokenizer naive = new WhitespaceTokenizer();
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        List<String> tokens = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        try {
            reader.forEach(doc -> {
                String text = lower ? doc.text().toLowerCase(Locale.ROOT) : doc.text();
                List<String> sentences = linePerSentence ? List.of(text.split("\\R")) : splitter.split(text);
                for (String sentence : sentences) {
                    tokens.clear();
                    if (whitespace) {
                        tokens.addAll(naive.tokenize(sentence));
                    } else {
                        treebank.tokenize(sentence, tokens);
                    }
                    if (tokens.isEmpty()) {
                        continue;
                    }
                    line.setLength(0);
                    line.append(String.join(" ", tokens)).append('\n');
                    try {
                        out.write(line.toString());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }, ProgressListener.NONE, Cancellation.NONE);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        if (reader.malformedBytes() > 0) {
            System.err.println("rnnlab: warning: " + reader.malformedBytes()
                    + " bytes were not valid UTF-8 and were replaced by U+FFFD");
        }
        return 0;
    }
}
