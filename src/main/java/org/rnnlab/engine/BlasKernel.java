package org.rnnlab.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which OpenBLAS kernel the engine's products run on. The bundled OpenBLAS (0.3.19, the one ND4J
 * 1.0.0-M2.1 ships) reads the CPU once, when it loads, and does not know CPUs made after it: on a
 * 5th-generation Xeon it falls back to its SSE3 "Prescott" kernel, five times slower than its
 * AVX-512 one (sgemm 22 against 116 GFLOP/s on one thread, measured there). OpenBLAS takes the
 * kernel from {@code OPENBLAS_CORETYPE} when that is set, so {@link #choose()}, called before
 * anything loads ND4J, sets it from the CPU's own instruction sets: every AVX-512 CPU to SkylakeX,
 * every AVX2 CPU to Haswell. OpenBLAS itself gives AMD's AVX2 CPUs its Zen kernel, but on a 2-core
 * AMD EPYC (family 25) VM the Haswell one ran the step's products faster: the word-major logits
 * product at 67-69 against 46-55 GFLOP/s, the dV product at 75-78 against 61-73, and the whole
 * SGD step (C 8000, H 100, T 45) at a minimum of 2.01-2.22 ms against 2.26-2.57 in four runs
 * taken in turns. A kernel the environment pins is kept when it is as wide as the CPU's own (Zen
 * for Haswell on an AVX2 AMD); one narrower is lifted for this program: machines pin an older
 * kernel because older OpenBLAS builds misread their CPU, which a kernel chosen from the CPU's own
 * instruction sets cannot do, and on an AMD EPYC with AVX-512 whose environment pinned Haswell the
 * SGD step took 1.40-1.73 ms pinned against 0.72-0.80 ms with SkylakeX (2026-12-04). {@code
 * -Drnnlab.blasKernel=SkylakeX} (any kernel name) asks for one, and {@code -Drnnlab.blasKernel=keep}
 * leaves OpenBLAS to choose, the environment's pin included.
 */
public final class BlasKernel {
    /** System property: "keep" leaves the kernel to OpenBLAS; a kernel name (e.g. Haswell) asks for that one. */
    public static final String PROPERTY = "rnnlab.blasKernel";
    static final String VARIABLE = "OPENBLAS_CORETYPE";
    private static final Set<String> AVX512 = Set.of("avx512f", "avx512dq", "avx512cd", "avx512bw", "avx512vl");

    private static volatile String chosen; // what choose() set, null when it set nothing
    private static volatile String lifted; // the environment's narrower kernel choose() replaced, null when none

    private BlasKernel() {
    }

    /**
     * Sets {@code OPENBLAS_CORETYPE} for this process from /proc/cpuinfo (Linux only; elsewhere
     * nothing happens) when it is not set or names a narrower kernel than the CPU runs (see the
     * class comment). Must run before ND4J loads OpenBLAS, which reads it once: the program's entry
     * point calls it first. Never fails: on any problem OpenBLAS chooses.
     */
    public static synchronized void choose() {
        String asked = System.getProperty(PROPERTY, "auto");
        if (chosen != null || asked.equalsIgnoreCase("keep")) {
            return;
        }
        boolean named = !asked.equalsIgnoreCase("auto");
        String pinned = System.getenv(VARIABLE);
        Optional<String> kernel = choice(asked, pinned, cpuInfo());
        if (kernel.isEmpty()) {
            return;
        }
        try {
            int rc = NativeLibrary.getInstance("c").getFunction("setenv")
                    .invokeInt(new Object[] {VARIABLE, kernel.get(), 1});
            if (rc == 0) {
                chosen = kernel.get();
                lifted = named ? null : pinned;
            }
        } catch (LinkageError | RuntimeException e) {
            // no JNA for this platform, or no libc by that name: OpenBLAS chooses, as it would have
        }
    }

    /** The kernel {@code -Drnnlab.blasKernel} named and {@link #choose()} set ("Haswell"); empty for auto and keep. */
    public static Optional<String> asked() {
        String asked = System.getProperty(PROPERTY, "auto");
        return asked.equalsIgnoreCase("auto") || asked.equalsIgnoreCase("keep") ? Optional.empty() : chosen();
    }

    /** The kernel {@link #choose()} set, if it set one ("SkylakeX"); empty when the user or OpenBLAS chose. */
    public static Optional<String> chosen() {
        return Optional.ofNullable(chosen);
    }

    /**
     * The kernel to set: none for "keep", the one named, else the CPU's own unless the environment
     * pins one as wide ({@code pinned} null when it pins none).
     */
    static Optional<String> choice(String asked, String pinned, String cpuInfo) {
        if (asked.equalsIgnoreCase("keep")) {
            return Optional.empty();
        }
        if (!asked.equalsIgnoreCase("auto")) {
            return Optional.of(asked);
        }
        return forCpu(cpuInfo).filter(own -> pinned == null || width(own) > width(pinned));
    }

    /** The environment's pinned kernel that {@link #choose()} replaced by a wider one ("Haswell"), if it did. */
    public static Optional<String> lifted() {
        return Optional.ofNullable(lifted);
    }

    /**
     * The vector width a kernel name stands for, to compare a pin with the CPU's own: 3 for the
     * AVX-512 kernels, 2 for AVX2's, 1 for AVX's, 0 for older or unknown ones.
     */
    static int width(String kernel) {
        switch (kernel.strip().toLowerCase(Locale.ROOT)) {
            case "skylakex": case "cooperlake": case "sapphirerapids":
                return 3;
            case "haswell": case "zen":
                return 2;
            case "sandybridge": case "bulldozer": case "piledriver": case "steamroller": case "excavator":
                return 1;
            default:
                return 0;
        }
    }

    /**
     * The kernel this CPU could run when the environment pins a different one ({@code
     * OPENBLAS_CORETYPE=Haswell} on an AVX-512 CPU gives "SkylakeX"); empty when nothing is pinned, the
     * pin is the CPU's own kernel, or rnnlab chose.
     */
    public static Optional<String> heldBack() {
        String pinned = System.getenv(VARIABLE);
        if (pinned == null || chosen != null) {
            return Optional.empty();
        }
        return heldBack(pinned, cpuInfo());
    }

    static Optional<String> heldBack(String pinned, String cpuInfo) {
        return forCpu(cpuInfo).filter(own -> !own.equalsIgnoreCase(pinned.strip()));
    }

    /**
     * The kernel for a CPU, from the first "flags" and "vendor_id" lines of /proc/cpuinfo: SkylakeX
     * with AVX-512 (F, DQ, CD, BW, VL: what OpenBLAS's SkylakeX kernels use), else Haswell with AVX2
     * and FMA (Intel and AMD alike: see the class comment), else none (OpenBLAS's own choice is as good).
     */
    static Optional<String> forCpu(String cpuInfo) {
        String flags = field(cpuInfo, "flags");
        if (flags == null) {
            return Optional.empty();
        }
        Set<String> have = Set.of(flags.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        if (have.containsAll(AVX512)) {
            return Optional.of("SkylakeX");
        }
        if (have.contains("avx2") && have.contains("fma")) {
            return Optional.of("Haswell");
        }
        return Optional.empty();
    }

    /**
     * The name of the kernel OpenBLAS runs in this process ("SkylakeX"), asked from the library the
     * engine loaded; empty when it cannot be asked.
     */
    public static Optional<String> running() {
        String library = BlasInfo.libraryPath();
        if (library == null) {
            return Optional.empty();
        }
        try {
            Function corename = NativeLibrary.getInstance(library).getFunction("openblas_get_corename");
            String name = corename.invokeString(new Object[0], false);
            return name == null || name.isBlank() ? Optional.empty() : Optional.of(name.strip());
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String cpuInfo() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String field(String cpuInfo, String name) {
        for (String line : cpuInfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }
}
