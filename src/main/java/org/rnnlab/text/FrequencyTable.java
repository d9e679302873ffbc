package org.rnnlab.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rnnlab.common.UserException;

/**
 * Token counts, as the lesson's {@code nltk.FreqDist}: ranked by count, most frequent first, ties
 * in order of first occurrence (what {@code FreqDist.most_common} gives, since Python's sort is
 * stable and its dict keeps insertion order).
 *
 * <p>Each distinct token gets an id in order of first occurrence, so the tie rule is "smaller id
 * first" and {@link PreparedData} can keep a corpus as int ids instead of strings.
 */
public final class FrequencyTable {
    private final List<String> byId = new ArrayList<>();
    private long[] counts = new long[1024];   // id -> count
    private int[] hashes = new int[1024];     // id -> hash of the word
    // every word's characters one after the other: comparing a token with a word reads one
    // array instead of following a String and its bytes
    private char[] pool = new char[1 << 14];
    private int[] poolStart = new int[1025];  // id -> where its characters start; [size] = end
    private int[] slots = new int[1 << 12];   // open addressing: hash -> id + 1, 0 = empty
    private long totalTokens;
    private int[] ranking;                     // rank -> id, cached until the next add

    /** Counts one sentence's tokens. */
    public void add(List<String> tokens) {
        for (String t : tokens) {
            idOf(t);
        }
    }

    /** Counts one token and returns its id (order of first occurrence). */
    int idOf(String token) {
        return idOf(token, 0, token.length());
    }

    /**
     * Counts the token {@code source[start, end)} and returns its id; a String is made only for
     * a token not seen before (the hot path of {@code prepare}).
     */
    int idOf(String source, int start, int end) {
        int id = find(source, start, end, true);
        counts[id]++;
        totalTokens++;
        ranking = null;
        return id;
    }

    /** Gives the token an id without counting it (so it ranks first among equal counts). */
    int reserve(String token) {
        ranking = null;
        return find(token, 0, token.length(), true);
    }

    /** Takes back one occurrence counted by {@link #idOf}. */
    void uncount(int id) {
        counts[id]--;
        totalTokens--;
        ranking = null;
    }

    /** Adds {@code count} occurrences of the word with that id (merging another table). */
    void addCount(int id, long count) {
        counts[id] += count;
        totalTokens += count;
        ranking = null;
    }

    long countOfId(int id) {
        return counts[id];
    }

    /** Id of a token already counted, -1 when never seen. */
    int idOfExisting(String token) {
        return find(token, 0, token.length(), false);
    }

    /** Count of a token, 0 when never seen. */
    public long count(String token) {
        int id = find(token, 0, token.length(), false);
        return id < 0 ? 0 : counts[id];
    }

    private int find(String s, int start, int end, boolean create) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + s.charAt(i);
        }
        int mask = slots.length - 1;
        int len = end - start;
        for (int k = mix(h) & mask; ; k = (k + 1) & mask) {
            int slot = slots[k];
            if (slot == 0) {
                if (!create) {
                    return -1;
                }
                return insert(s.substring(start, end), h, k);
            }
            int id = slot - 1;
            if (hashes[id] == h && sameChars(id, s, start, len)) {
                return id;
            }
        }
    }

    private boolean sameChars(int id, String s, int start, int len) {
        int from = poolStart[id];
        if (poolStart[id + 1] - from != len) {
            return false;
        }
        char[] p = pool;
        for (int k = 0; k < len; k++) {
            if (p[from + k] != s.charAt(start + k)) {
                return false;
            }
        }
        return true;
    }

    private int insert(String word, int h, int slot) {
        int id = byId.size();
        byId.add(word);
        if (id == counts.length) {
            counts = Arrays.copyOf(counts, id * 2);
            hashes = Arrays.copyOf(hashes, id * 2);
            poolStart = Arrays.copyOf(poolStart, id * 2 + 1);
        }
        int from = poolStart[id];
        if (from + word.length() > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, from + word.length()));
        }
        word.getChars(0, word.length(), pool, from);
        poolStart[id + 1] = from + word.length();
        hashes[id] = h;
        slots[slot] = id + 1;
        if (byId.size() * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int id = 0; id < byId.size(); id++) {
            int k = mix(hashes[id]) & mask;
            while (bigger[k] != 0) {
                k = (k + 1) & mask;
            }
            bigger[k] = id + 1;
        }
        slots = bigger;
    }

    /** Spreads String-style hashes, whose low bits are poor for short words. */
    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }

    String wordOfId(int id) {
        return byId.get(id);
    }

    public long totalTokens() {
        return totalTokens;
    }

    public int distinctTokens() {
        return byId.size();
    }

    /** rank -> id; a stable sort by count descending keeps first-occurrence order among ties. */
    int[] ranking() {
        if (ranking == null) {
            int n = byId.size();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            long[] c = counts;
            Arrays.sort(order, (a, b) -> c[a] != c[b] ? Long.compare(c[b], c[a]) : Integer.compare(a, b));
            int[] r = new int[n];
            for (int i = 0; i < n; i++) {
                r[i] = order[i];
            }
            ranking = r;
        }
        return ranking;
    }

    /** All distinct tokens, most frequent first, ties by first occurrence. */
    public List<String> rankedWords() {
        int[] r = ranking();
        List<String> out = new ArrayList<>(r.length);
        for (int id : r) {
            out.add(byId.get(id));
        }
        return out;
    }

    /** Count of the word at {@code rank} (0 = most frequent). */
    public long countAt(int rank) {
        return counts[ranking()[rank]];
    }

    /**
     * How many words a vocabulary of size C really keeps besides UNKNOWN_TOKEN: C-1, or every
     * distinct token when there are fewer.
     */
    public int keptWords(int C) {
        checkSize(C);
        int candidates = distinctTokens() - (count(Tokens.UNKNOWN) > 0 ? 1 : 0);
        return Math.min(C - 1, candidates);
    }

    /**
     * The C-1 most frequent tokens plus {@link Tokens#UNKNOWN} at index C-1. When the corpus has
     * fewer than C-1 distinct tokens, all of them are kept and the vocabulary is smaller than C.
     * UNKNOWN's count is the number of tokens it stands for. (A literal UNKNOWN_TOKEN in the text
     * is the same token, so it never takes one of the C-1 places.)
     */
    public Vocabulary vocabulary(int C) {
        int kept = keptWords(C);
        List<String> words = new ArrayList<>(kept + 1);
        long[] c = new long[kept + 1];
        long covered = 0;
        int i = 0;
        for (int id : ranking()) {
            if (i == kept) {
                break;
            }
            String w = byId.get(id);
            if (w.equals(Tokens.UNKNOWN)) {
                continue;
            }
            words.add(w);
            c[i++] = counts[id];
            covered += counts[id];
        }
        words.add(Tokens.UNKNOWN);
        c[kept] = totalTokens - covered;
        return Vocabulary.of(words, c);
    }

    /** Share (0..1) of all tokens that a vocabulary of size C covers (tokens it maps to UNKNOWN_TOKEN are not covered). */
    public double coverage(int C) {
        if (totalTokens == 0) {
            return 0;
        }
        int kept = keptWords(C);
        long covered = 0;
        int i = 0;
        for (int id : ranking()) {
            if (i == kept) {
                break;
            }
            if (!byId.get(id).equals(Tokens.UNKNOWN)) {
                covered += counts[id];
                i++;
            }
        }
        return (double) covered / totalTokens;
    }

    /**
     * Coverage for every C at once: element k is the share of tokens covered by the k most
     * frequent words, i.e. by a vocabulary of size C = k + 1. Length distinctTokens() + 1.
     */
    public double[] coverageCurve() {
        int[] r = ranking();
        double[] out = new double[r.length + 1];
        long covered = 0;
        for (int k = 1; k <= r.length; k++) {
            covered += counts[r[k - 1]];
            out[k] = totalTokens == 0 ? 0 : (double) covered / totalTokens;
        }
        return out;
    }

    static void checkSize(int C) {
        if (C < 3) {
            throw new UserException("vocabulary size " + C + " is too small: it must be at least 3 "
                    + "(SENTENCE_START, SENTENCE_END and UNKNOWN_TOKEN); use --vocabulary-size 8000 as the lesson does");
        }
    }
}
