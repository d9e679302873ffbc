package org.rnnlab.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
}
