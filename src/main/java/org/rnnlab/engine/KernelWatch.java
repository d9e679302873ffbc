package org.rnnlab.engine;

import java.lang.management.ManagementFactory;

/**
 * Notices the vector kernels running as objects, and hands the work back to the plain loops
 * until the kernels are compiled again ({@link Simd#struck}). C2 compiles each kernel with every
 * vector in a register, as the warm-up checks; but a later recompilation can leave some of the
 * Vector API's calls out of line, and then every vector of every call is an object again. In the
 * window that happened in about one epoch in three: 10 GB of garbage a second, a heap of 0.5-0.9
 * GB, the app at 1.1-1.8 GB resident and its training 20-40% slower, for the rest of the process
 * (AMD EPYC with AVX-512, JDK 17, 2026-12-05).
 * Two causes were found and removed: C2 threw its code for a word of the recurrence away at the
 * engine's first sentence, the warm-up having never passed a first word; and exp's int lanes came from
 * a species looked up at run time, which C2 sometimes could not see through (see VectorKernels). Since,
 * eighteen epochs in the window gave no strike; this watch stays as the net for what a JIT may still do.
 *
 * <p>A model's watch samples what its thread allocates over one call in {@link #EVERY} (the engine's
 * steps allocate nothing a word; the kernels as objects, 100-190 KB a word), and every evaluation.
 * Not thread-safe: each model has its own, used under the model's lock.
 */
final class KernelWatch {
    /** One step in this many is measured. */
    static final int EVERY = 16;
    /** More than this a word is the kernels as objects. */
    static final long BYTES_A_WORD = 16 << 10;
    /** Allocations of a call that are not the words' (a sentence list, a fork of the lane). */
    static final long BYTES_A_CALL = 64 << 10;

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    /**
     * Measured calls in a row over the limit before the loops take over: a model's buffers grow at its
     * first long sentence (a class-based step allocated 0.75 MB over 8 words once), the objects at every call.
     */
    static final int STRIKES = 3;

    private int calls;
    private int strikes;
    private long before = -1;
    private final java.util.function.Supplier<String> what;

    /** {@code what}: the model watched, for the message of a strike (its shape and output layer). */
    KernelWatch(java.util.function.Supplier<String> what) {
        this.what = what;
    }

    /** The JVM's counter of what each thread allocated, or null where it has none. */
    private static com.sun.management.ThreadMXBean threads() {
        try {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                    && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()) {
                return t;
            }
        } catch (RuntimeException | LinkageError e) {
            // not HotSpot: no watch
        }
        return null;
    }

    /** Before a call that runs the kernels; {@code always}: a long call (a whole evaluation), always measured. */
    void begin(boolean always) {
        before = THREADS != null && Simd.ready() && (always || ++calls % EVERY == 0)
                ? THREADS.getCurrentThreadAllocatedBytes() : -1;
    }

    /** After it: {@code words} the call's words; falls back to the loops when it allocated as the objects do. */
    void end(long words) {
        if (before < 0) {
            return;
        }
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
        before = -1;
        if (!boxed(bytes, words)) {
            strikes = 0;
        } else if (++strikes == STRIKES) {
            strikes = 0;
            Simd.struck(String.format(java.util.Locale.ROOT, "%,d bytes allocated over %,d words, %s", bytes, words, what.get()));
        }
    }

    /** What the calling thread allocated so far, in bytes, or -1 where the JVM does not count it. */
    static long allocatedBytes() {
        return THREADS != null ? THREADS.getCurrentThreadAllocatedBytes() : -1;
    }

    /** Whether {@code bytes} allocated over {@code words} words are the kernels as objects. */
    static boolean boxed(long bytes, long words) {
        return bytes > BYTES_A_CALL + words * BYTES_A_WORD;
    }
}
