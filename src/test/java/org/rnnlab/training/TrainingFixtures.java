package org.rnnlab.training;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.rnnlab.cli.RnnLabCommand;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.Tokens;

/** A tiny synthetic corpus with learnable structure, and a way to run CLI commands in-process. */
public final class TrainingFixtures {
    private static final String[][] SUBJECTS = {{"the", "cat"}, {"the", "dog"}, {"a", "bird"}, {"my", "friend"}, {"she"}};
    private static final String[] VERBS = {"sat", "ran", "slept", "jumped", "waited"};
    private static final String[][] PLACES = {{"on", "the", "mat"}, {"in", "the", "house"}, {"under", "a", "tree"},
            {"near", "my", "door"}};
    private static final String[] ENDS = {".", "!", "."};

    private TrainingFixtures() {
    }

    /** n sentences "subject verb place ." wrapped SENTENCE_START..SENTENCE_END; the same for the same seed. */
    public static List<List<String>> sentences(int n, long seed) {
        Random r = new Random(seed);
        List<List<String>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> s = new ArrayList<>();
            s.add(Tokens.START);
            s.addAll(List.of(SUBJECTS[r.nextInt(SUBJECTS.length)]));
            s.add(VERBS[r.nextInt(VERBS.length)]);
            if (r.nextInt(3) > 0) {
                s.addAll(List.of(PLACES[r.nextInt(PLACES.length)]));
            }
            s.add(ENDS[r.nextInt(ENDS.length)]);
            s.add(Tokens.END);
            out.add(s);
        }
        return out;
    }

    /** The synthetic corpus prepared with a vocabulary of at most C words (it has 25 distinct tokens). */
    public static PreparedData prepared(int n, int vocabularySize) {
        return PreparedData.fromSentences(sentences(n, 42), vocabularySize);
    }

    /** Writes a prepared data folder as 'rnnlab prepare' would. */
    public static Path preparedDir(Path parent, int n, int vocabularySize) {
        Path dir = parent.resolve("prepared-" + n + "-" + vocabularySize);
        prepared(n, vocabularySize).write(dir);
        return dir;
    }

    /** The exit code and output of one in-process command line. */
    public record Cli(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public static synchronized Cli run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = RnnLabCommand.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
