package org.rnnlab.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.ProgressListener;
import org.rnnlab.common.UserException;
import org.rnnlab.text.CorpusReader;
import org.rnnlab.text.CorpusStats;
import org.rnnlab.text.PreparedData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rnnlab prepare}: the lesson's pre-processing, from a corpus to a training set on disk. */
@Command(name = "prepare",
        mixinStandardHelpOptions = true,
        description = {
                "Reads a corpus, lower-cases it, splits it into sentences and Treebank word tokens, keeps the",
                "C-1 most frequent tokens plus UNKNOWN_TOKEN, and writes the training set:",
                "  DIR/vocabulary.tsv  index<TAB>word<TAB>count",
                "  DIR/sentences.txt   each sentence's tokens after replacement, with start and end tokens",
                "  DIR/train.txt       the same as vocabulary indices",
                "  DIR/stats.json      the numbers below, coverage and more",
                "  DIR/manifest.json   each file's size and SHA-256: readers refuse a mixed or partial folder",
                "The folder is written whole (into a temporary folder, then renamed): an interrupted prepare",
                "leaves the earlier set as it was. DIR must be new, empty or an earlier prepared set."})
public final class PrepareCommand implements Callable<Integer> {

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "A .csv file (one text a record), a .txt file (paragraphs separated by blank lines) "
                    + "or a folder of .txt files. Default: ${DEFAULT-VALUE}")
    Path corpus = CorpusReader.SAMPLE_CORPUS;

    @Option(names = {"--vocabulary-size", "-C"}, paramLabel = "C", defaultValue = "" + LessonDefaults.WORD_DIM,
            description = "Vocabulary size C, UNKNOWN_TOKEN included (at least 3). Default: ${DEFAULT-VALUE}")
    int vocabularySize;

    @Option(names = "--column", paramLabel = "NAME", defaultValue = CorpusReader.DEFAULT_COLUMN,
            description = "The CSV column holding the text. Default: ${DEFAULT-VALUE}")
    String column;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "The corpus' text encoding, e.g. ISO-8859-1 or windows-1252 for Latin text. Default: ${DEFAULT-VALUE}")
    String encoding;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the training set to")
    Path out;

    @Override
    public Integer call() {
        OutputCheck.folder(out, "--out");
        if (vocabularySize < 3) {
            throw new UserException("--vocabulary-size " + vocabularySize + " is too small: it must be at least 3 "
                    + "(SENTENCE_START, SENTENCE_END and UNKNOWN_TOKEN); the lesson uses 8000");
        }
        if (corpus.equals(CorpusReader.SAMPLE_CORPUS) && !Files.exists(corpus)) {
            // not run from the project folder (an installed app): the copy that ships inside the jar
            corpus = org.rnnlab.common.SampleFiles.corpus();
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserException(out + " is a file, not a folder; choose another --out DIR");
        }
        java.nio.charset.Charset charset = charset(encoding);
        PreparedData.checkWritable(out);
        PrintWriter stdout = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        TerminalProgress progress = TerminalProgress.onStderr();
        PreparedData data;
        try {
            data = PreparedData.prepare(corpus, column, charset, vocabularySize, progress, Cancellation.NONE);
        } finally {
            progress.done();
        }
        CorpusStats s = data.stats();
        stdout.println("Parsed " + s.sentences() + " sentences.");
        stdout.println("Found " + s.distinctTokens() + " unique words tokens.");
        if (s.vocabularySize() < vocabularySize) {
            System.err.println("Note: the corpus has only " + s.distinctTokens() + " distinct tokens, fewer than C-1 = "
                    + (vocabularySize - 1) + "; all of them are kept.");
        }
        stdout.println("Using vocabulary size " + s.vocabularySize() + ".");
        stdout.println("The least frequent word in our vocabulary is '" + s.leastFrequentWord() + "' and appeared "
                + s.leastFrequentCount() + " times.");
        stdout.flush();
        data.write(out);
        System.err.printf(Locale.ROOT, "%s: %d documents, %d tokens; the vocabulary covers %.2f%% of them.%n",
                data.corpusDescription(), s.documents(), s.tokens(), 100 * s.coverage());
        if (s.malformedBytes() > 0) {
            System.err.println("Warning: " + s.malformedBytes() + " bytes were not valid " + charset.name()
                    + " and were replaced by U+FFFD" + (charset.equals(java.nio.charset.StandardCharsets.UTF_8)
                    ? "; if the corpus is Latin text, pass --encoding windows-1252 (or ISO-8859-1)." : "."));
        }
        if (data.unclosedQuote() != null) {
            System.err.println("Warning: " + data.unclosedQuote().describe(corpus) + ".");
        }
        System.err.println("Wrote " + out.resolve("vocabulary.tsv") + ", sentences.txt, train.txt, stats.json and manifest.json.");
        return 0;
    }

    /** The named encoding, or a one-line error listing common ones. */
    static java.nio.charset.Charset charset(String name) {
        try {
            return java.nio.charset.Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new UserException("--encoding " + name + " is not an encoding this Java knows; try UTF-8, "
                    + "windows-1252 or ISO-8859-1");
        }
    }

    /** Progress on one self-overwriting line of stderr, only when a person is watching. */
    static final class TerminalProgress implements ProgressListener {
        private final boolean enabled;
        private long lastNanos;
        private boolean shown;

        private TerminalProgress(boolean enabled) {
            this.enabled = enabled;
        }

        static TerminalProgress onStderr() {
            return new TerminalProgress(Terminal.stderrIsTerminal() && System.getenv("RNNLAB_NO_PROGRESS") == null);
        }

        @Override
        public void progress(long done, long total, String message) {
            if (!enabled) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastNanos < 100_000_000L) {
                return;
            }
            lastNanos = now;
            String pct = total > 0 ? String.format(Locale.ROOT, " (%d%%)", Math.min(100, 100 * done / total)) : "";
            System.err.print("\r" + message + pct + "\u001b[K");
            System.err.flush();
            shown = true;
        }

        void done() {
            if (shown) {
                System.err.print("\r\u001b[K");
                System.err.flush();
            }
        }
    }
}
