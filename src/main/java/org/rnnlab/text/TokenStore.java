package org.rnnlab.text;

import java.util.Arrays;

/**
 * Every sentence of a corpus as one long run of int indices in 4 MiB chunks, plus where each
 * sentence starts. A 100 MB corpus holds some 20 million tokens and a million sentences: as
 * many small arrays they would cost the garbage collector dearly; as a few large chunks they
 * cost 4 bytes a token and nothing to collect.
 */
final class TokenStore {
    private static final int SHIFT = 20;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private int[][] chunks = new int[0][];
    private long size;                       // tokens stored
    private long[] starts = new long[1024];  // sentence -> offset of its first token; starts[count] = size
    private int count;

    void add(int[] tokens, int from, int length) {
        ensureRoom(size + length);
        int done = 0;
        while (done < length) {
            long p = size + done;
            int at = (int) (p & MASK);
            int n = Math.min(length - done, CHUNK - at);
            System.arraycopy(tokens, from + done, chunks[(int) (p >>> SHIFT)], at, n);
            done += n;
        }
        size += length;
        if (count + 1 >= starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        count++;
        starts[count] = size;
    }

    private void ensureRoom(long needed) {
        while ((long) chunks.length << SHIFT < needed) {
            chunks = Arrays.copyOf(chunks, chunks.length + 1);
            chunks[chunks.length - 1] = new int[CHUNK];
        }
    }

    /** Replaces every token t by map[t]. */
    void remap(int[] map) {
        long left = size;
        for (int[] chunk : chunks) {
            int n = (int) Math.min(left, CHUNK);
            for (int i = 0; i < n; i++) {
                chunk[i] = map[chunk[i]];
            }
            left -= n;
        }
    }

    /** Number of sentences. */
    int count() {
        return count;
    }

    /** Number of tokens in all. */
    long tokens() {
        return size;
    }

    int length(int sentence) {
        check(sentence);
        return (int) (starts[sentence + 1] - starts[sentence]);
    }

    /** Offset of the sentence's first token in the run of all tokens; {@code start(count())} is the end. */
    long start(int sentence) {
        return starts[sentence];
    }

    /** The token at an offset in the run of all tokens. */
    int at(long offset) {
        return chunks[(int) (offset >>> SHIFT)][(int) (offset & MASK)];
    }

    int get(int sentence, int position) {
        long p = starts[sentence] + position;
        return chunks[(int) (p >>> SHIFT)][(int) (p & MASK)];
    }

    /** Tokens {@code [from, to)} of a sentence, as a new array. */
    int[] copy(int sentence, int from, int to) {
        check(sentence);
        int[] out = new int[to - from];
        long base = starts[sentence];
        int done = 0;
        while (done < out.length) {
            long p = base + from + done;
            int at = (int) (p & MASK);
            int n = Math.min(out.length - done, CHUNK - at);
            System.arraycopy(chunks[(int) (p >>> SHIFT)], at, out, done, n);
            done += n;
        }
        return out;
    }

    private void check(int sentence) {
        if (sentence < 0 || sentence >= count) {
            throw new IndexOutOfBoundsException("sentence " + sentence + " of " + count);
        }
    }
}
