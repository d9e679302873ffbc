package org.rnnlab.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;

/**
 * The engine's products in native AVX2 code ({@code src/main/c/output_products.c}): the full softmax's
 * logits, exp, row sums, E V and V's update where OpenBLAS's kernel packs its operands at every call
 * (Haswell's and Zen's: the AVX2 machines; see {@link Kernel}); everywhere, the recurrence, BPTT's lag
 * products and the class-based layer's rows (see {@link Kernel#nativeProducts}). The library is built
 * with the jar where a C compiler is present; without it, on another system or CPU, or with
 * {@code -Drnnlab.native=false}, the engine keeps its Java kernels and OpenBLAS, to the same numbers
 * within float32's rounding (bit for bit where the operations are the Java kernels').
 *
 * <p>Why: at the step's shapes the Java Vector API's tiles (JDK 17) reached 82-84 GFLOP/s a core,
 * bound by their own instructions (speed log, session 33); the same tiles in C reach 101-107, and
 * they read V and write E where ND4J keeps them, with no copy through the Java heap.
 *
 * <p>Addresses are raw: the callers pass memory they own for the length of the call. Heap arrays
 * go through JNI's critical access, which in HotSpot pins them rather than copying, so the two
 * threads may write different elements of one array (zy) at once.
 */
final class NativeProducts {
    /** System property: "false" keeps the Java kernels even where the native ones load. */
    static final String PROPERTY = "rnnlab.native";
    private static final String LIBRARY = "librnnlab-products.so";
    /** Where the build puts the library among the classes. */
    static final String RESOURCE = "native/linux-x86_64/" + LIBRARY;

    private static final String STATUS;
    private static final boolean AVAILABLE;

    static {
        String why = load();
        AVAILABLE = why == null;
        STATUS = why == null ? "native AVX2 (" + LIBRARY + ")" : why;
    }

    private NativeProducts() {
    }

    /** Whether the native products run in this process. */
    static boolean available() {
        return AVAILABLE;
    }

    /** What runs the products, or why the native ones do not: for {@code bench} and diagnostics. */
    static String status() {
        return STATUS;
    }

    /** Loads the library; returns null, or why it is not used. */
    private static String load() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            return "off (-D" + PROPERTY + "=false)";
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "not built for " + os + " " + arch;
        }
        URL url = NativeProducts.class.getResource(RESOURCE);
        if (url == null) {
            return "not built (no C compiler when the jar was made)";
        }
        try {
            if ("file".equals(url.getProtocol())) {
                System.load(Path.of(url.toURI()).toString());
            } else {
                // out of the jar into a file of its own, which can go as soon as it is mapped
                Path file = Files.createTempFile("rnnlab-products", ".so");
                try (InputStream in = url.openStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    System.load(file.toString());
                } finally {
                    Files.deleteIfExists(file);
                }
            }
            return cpuHasAvx2Fma() ? null : "this CPU has no AVX2 and FMA";
        } catch (IOException | URISyntaxException | UnsatisfiedLinkError | SecurityException e) {
            return "not loaded: " + e.getMessage();
        }
    }

    /** The address of the float {@code floats} past where {@code p} points (its position included). */
    static long address(Pointer p, long floats) {
        return p.address() + 4L * (p.position() + floats);
    }

    /**
     * One group of words (V's rows at {@code v}, {@code words} of them, H floats each): the logits
     * E = V_w S^T into {@code e} (word-major, tp a word), the targets' logits into zy (row r's when
     * {@code y[yFrom + r] - firstWord} is one of the group's words), E = exp in place, z += E's column
     * sums and, with gradients, gT = V_w^T E (gT += when {@code addG}); sT is S^T (H x tp, zeros past
     * n rows), tp a multiple of 8.
     */
    static native void forward(long v, int words, int H, float[] sT, int tp, long e, float[] z, float[] gT,
            boolean gradients, boolean addG, int[] y, int yFrom, int firstWord, int n, double[] zy);

    /**
     * d = alpha P S + beta d for {@code rows} rows of H floats: P's element (c, t) at {@code e + c ec + t et}
     * (t < n), S's row t at {@code s + t ss}, d's row c at {@code d + c ds} (strides in floats). One kernel for
     * the full softmax's V update (P = E' word-major) and the class-based layer's dX, dV_c and dL/ds.
     * With beta 0, d is not read.
     */
    static native void rowsTimes(long e, int rows, int ec, int et, int n, long s, int ss, int H, float alpha, float beta,
            long d, int ds);

    /**
     * out = A B^T: {@code out[r os + q]} = the dot product of A's row r ({@code a + r as}) and B's row q
     * ({@code b + q bs}) over H floats, for r < rows, q < cols: the class-based layer's class logits and word logits.
     */
    static native void dots(long a, int rows, int as, long b, int cols, int bs, int H, long out, int os);

    /**
     * A softmax row of n float32 logits at {@code m}, as ClassOutput's softmaxRowF: the exps into
     * {@code scratch} (less the row's maximum where their sum leaves {@link Kernel#safeSum}'s range) and, with
     * gradients, m = exps / sum less one at the target. Returns the sum; the loss is ln sum - ln scratch[target].
     */
    static native double softmaxRow(long m, int n, int target, boolean gradients, float[] scratch);

    /**
     * One state's row inside its target's class: the class's {@code size} word logits b = V_c s (V_c's rows at
     * {@code v}), their softmax as {@link #softmaxRow} and, with gradients, ds = V_c^T dr (H floats at {@code ds}).
     */
    static native double wordRow(long s, long v, int size, int H, long b, long ds, int target, boolean gradients,
            float[] scratch);

    /**
     * The recurrence over words [from, to) of x: s_t = tanh(U x_t + W s_(t-1)) into s (rows of H floats), with
     * U x_t row x_t of U^T (at {@code ut}) and W^T in rows of P floats ({@code wT}, zeros past H), the vector
     * kernels' operations in their order (VectorKernels.recurStep).
     */
    static native void recur(long ut, int[] x, int from, int to, int H, float[] wT, int P, float[] s);

    /**
     * BPTT's chains at every lag up to {@code bptt}: D (T x H, each step's ds (1 - s^2) on entry) gains every
     * chain that reaches a step, dt is 1 - s^2, W (H x H) at {@code w}; a and b are scratch of T x H floats.
     * Recurrence32's loop of lag products, without its copies.
     */
    static native void chains(float[] D, float[] dt, float[] a, float[] b, long w, int T, int H, int bptt);

    private static native boolean cpuHasAvx2Fma();
}
