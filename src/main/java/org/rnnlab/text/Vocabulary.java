package org.rnnlab.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rnnlab.common.AtomicFiles;
import org.rnnlab.common.IoReason;
import org.rnnlab.common.UserException;

/**
 * The lesson's index_to_word / word_to_index: C words, each with its corpus count, the last one
 * always {@link Tokens#UNKNOWN}. Immutable.
 */
public final class Vocabulary {
    private final List<String> words;          // index -> word, length C
    private final long[] counts;               // index -> count in the corpus (UNKNOWN: tokens it replaced)
    private final Map<String, Integer> index;  // word -> index
    private final int startIndex;
    private final int endIndex;

    private Vocabulary(List<String> words, long[] counts) {
        this.words = List.copyOf(words);
        this.counts = counts.clone();
        this.index = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            if (index.putIfAbsent(words.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate word in vocabulary: " + words.get(i));
            }
        }
        this.startIndex = indexOf(Tokens.START);
        this.endIndex = indexOf(Tokens.END);
    }

    /** Builds a vocabulary from words in index order; the last word must be {@link Tokens#UNKNOWN}. */
    public static Vocabulary of(List<String> words, long[] counts) {
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(counts, "counts");
        if (words.size() != counts.length) {
            throw new IllegalArgumentException(words.size() + " words but " + counts.length + " counts");
        }
        if (words.isEmpty() || !words.get(words.size() - 1).equals(Tokens.UNKNOWN)) {
            throw new IllegalArgumentException("the last word of a vocabulary must be " + Tokens.UNKNOWN);
        }
        return new Vocabulary(words, counts);
    }

    /** C, the number of words including UNKNOWN_TOKEN. */
    public int size() {
        return words.size();
    }

    public String word(int index) {
        return words.get(index);
    }

    /** The word's index, or {@link #unknownIndex()} when the word is not in the vocabulary. */
    public int indexOf(String word) {
        Integer i = index.get(word);
        return i == null ? words.size() - 1 : i;
    }

    public boolean contains(String word) {
        return index.containsKey(word);
    }

    public long count(int index) {
        return counts[index];
    }

    /** Every word's corpus count, in index order (a copy). */
    public long[] counts() {
        return counts.clone();
    }

    /** Index of SENTENCE_START (0 on any real corpus: it is the most frequent token). */
    public int startIndex() {
        return startIndex;
    }

    public int endIndex() {
        return endIndex;
    }

    public int unknownIndex() {
        return words.size() - 1;
    }

    public List<String> words() {
        return words;
    }

    /** Maps tokens to indices, unknown words to {@link #unknownIndex()}. */
    public int[] encode(List<String> tokens) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = indexOf(tokens.get(i));
        }
        return out;
    }

    /** Writes {@code index<TAB>word<TAB>count} lines, atomically. */
    public void write(Path tsv) {
        try {
            AtomicFiles.write(tsv, this::writeTo);
        } catch (IOException e) {
            throw new UserException("cannot write " + tsv + ": " + IoReason.of(e) + " (check the folder exists and is writable)", e);
        }
    }

    /** The lines of {@link #write(Path)}, to a stream (left open). */
    public void writeTo(java.io.OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            line.setLength(0);
            line.append(i).append('\t').append(words.get(i)).append('\t').append(counts[i]).append('\n');
            w.write(line.toString());
        }
        w.flush();
    }

    /** Reads a file written by {@link #write(Path)}. */
    public static Vocabulary read(Path tsv) {
        List<String> words = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 3) {
                    throw bad(tsv, "line " + lineNo + " does not have 3 tab-separated fields");
                }
                int i;
                long c;
                try {
                    i = Integer.parseInt(f[0]);
                    c = Long.parseLong(f[2]);
                } catch (NumberFormatException e) {
                    throw bad(tsv, "line " + lineNo + " has a non-numeric index or count");
                }
                if (i != words.size()) {
                    throw bad(tsv, "line " + lineNo + " has index " + i + " where " + words.size() + " was expected");
                }
                words.add(f[1]);
                counts.add(c);
            }
        } catch (NoSuchFileException e) {
            throw new UserException("no vocabulary file " + tsv + " (run 'rnnlab prepare' first)");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw bad(tsv, IoReason.of(e));
        }
        if (words.isEmpty() || !words.get(words.size() - 1).equals(Tokens.UNKNOWN)) {
            throw bad(tsv, "its last word is not " + Tokens.UNKNOWN);
        }
        if (new java.util.HashSet<>(words).size() != words.size()) {
            throw bad(tsv, "a word appears twice");
        }
        long[] c = new long[counts.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = counts.get(i);
        }
        return new Vocabulary(words, c);
    }

    private static UserException bad(Path tsv, String why) {
        return new UserException(tsv + " is not a vocabulary file written by 'rnnlab prepare' (" + why
                + "); run 'rnnlab prepare' again to recreate it");
    }

    @Override
    public String toString() {
        return "Vocabulary[C=" + size() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.words.equals(words) && Arrays.equals(v.counts, counts);
    }

    @Override
    public int hashCode() {
        return words.hashCode() * 31 + Arrays.hashCode(counts);
    }

    /**
     * A SHA-256 digest that has read the words in index order, one per line: what identifies this
     * vocabulary (a run's settings, a model's training data); callers may feed it more.
     */
    public java.security.MessageDigest digest() {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform has SHA-256
        }
        for (String w : words()) {
            md.update(w.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        return md;
    }
}
