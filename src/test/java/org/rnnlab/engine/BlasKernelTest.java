package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlasKernelTest {
    private static String cpu(String vendor, String flags) {
        return "processor\t: 0\nvendor_id\t: " + vendor + "\ncpu family\t: 6\nflags\t\t: " + flags + "\n\nprocessor\t: 1\n";
    }

    @Test
    void everyAvx512CpuGetsTheSkylakeXKernelWhateverItsMaker() {
        String flags = "fpu sse sse2 avx avx2 fma avx512f avx512dq avx512cd avx512bw avx512vl avx512_fp16";
        assertEquals(Optional.of("SkylakeX"), BlasKernel.forCpu(cpu("GenuineIntel", flags)), "a Xeon newer than OpenBLAS 0.3.19");
        assertEquals(Optional.of("SkylakeX"), BlasKernel.forCpu(cpu("AuthenticAMD", flags)), "an EPYC with AVX-512");
    }

    @Test
    void avx2CpusGetTheHaswellKernelWhateverTheirMaker() {
        String flags = "fpu sse sse2 avx avx2 fma bmi2";
        assertEquals(Optional.of("Haswell"), BlasKernel.forCpu(cpu("GenuineIntel", flags)));
        assertEquals(Optional.of("Haswell"), BlasKernel.forCpu(cpu("AuthenticAMD", flags)), "faster than Zen's on an EPYC");
        assertEquals(Optional.of("Haswell"), BlasKernel.forCpu(cpu("CentaurHauls", flags)));
        assertEquals(Optional.empty(), BlasKernel.forCpu(cpu("AuthenticAMD", "fpu sse sse2 avx fma")), "no AVX2");
    }

    @Test
    void partOfAvx512OrOlderCpusOrNoCpuInfoLeaveTheChoiceToOpenBlas() {
        assertEquals(Optional.of("Haswell"), BlasKernel.forCpu(cpu("GenuineIntel", "avx avx2 fma avx512f")),
                "AVX-512 F alone is not what SkylakeX's kernels need");
        assertEquals(Optional.empty(), BlasKernel.forCpu(cpu("GenuineIntel", "fpu sse sse2 avx")));
        assertEquals(Optional.empty(), BlasKernel.forCpu(""));
    }

    @Test
    void aPinnedKernelBelowTheCpusOwnIsReported() {
        String avx512 = cpu("AuthenticAMD", "avx avx2 fma avx512f avx512dq avx512cd avx512bw avx512vl");
        assertEquals(Optional.of("SkylakeX"), BlasKernel.heldBack("Haswell", avx512));
        assertEquals(Optional.empty(), BlasKernel.heldBack("SKYLAKEX", avx512), "the CPU's own kernel, in capitals");
        assertEquals(Optional.empty(), BlasKernel.heldBack("Haswell", cpu("AuthenticAMD", "avx avx2 fma")));
        assertEquals(Optional.empty(), BlasKernel.heldBack("Haswell", ""), "no cpuinfo: nothing to say");
    }

    @Test
    void aPinNarrowerThanTheCpuIsLiftedAndOneAsWideIsKept() {
        String avx512 = cpu("AuthenticAMD", "avx avx2 fma avx512f avx512dq avx512cd avx512bw avx512vl");
        String avx2 = cpu("AuthenticAMD", "avx avx2 fma");
        assertEquals(Optional.of("SkylakeX"), BlasKernel.choice("auto", "Haswell", avx512), "AVX2's kernel on AVX-512");
        assertEquals(Optional.of("SkylakeX"), BlasKernel.choice("auto", "PRESCOTT", avx512));
        assertEquals(Optional.empty(), BlasKernel.choice("auto", "CooperLake", avx512), "another AVX-512 kernel");
        assertEquals(Optional.empty(), BlasKernel.choice("auto", "Zen", avx2), "Zen is as wide as Haswell");
        assertEquals(Optional.of("Haswell"), BlasKernel.choice("auto", "Sandybridge", avx2));
        assertEquals(Optional.of("Haswell"), BlasKernel.choice("auto", null, avx2), "nothing pinned");
        assertEquals(Optional.empty(), BlasKernel.choice("keep", null, avx512), "keep leaves OpenBLAS to choose");
        assertEquals(Optional.empty(), BlasKernel.choice("KEEP", "Haswell", avx512), "and keeps the pin");
        assertEquals(Optional.of("Zen"), BlasKernel.choice("Zen", "Haswell", avx512), "a kernel asked by name wins");
        assertEquals(Optional.empty(), BlasKernel.choice("auto", "Haswell", ""), "no cpuinfo: the pin holds");
    }

    @Test
    void theRunningKernelIsNamedByTheLoadedLibrary() {
        Optional<String> running = BlasKernel.running();
        assertTrue(running.isPresent(), "openblas_get_corename answered nothing");
        assertTrue(running.get().matches("[A-Za-z0-9]+"), running.get());
    }

    @Test
    void onlyAKernelNamedOnTheCommandLineIsAskedForNumpysStepToo() {
        // the bench gives numpy's step the kernel a user named (to compare both as on another machine),
        // never the one chosen from the CPU, which numpy's newer OpenBLAS chooses for itself
        String before = System.getProperty(BlasKernel.PROPERTY);
        try {
            System.setProperty(BlasKernel.PROPERTY, "auto");
            assertEquals(Optional.empty(), BlasKernel.asked());
            System.setProperty(BlasKernel.PROPERTY, "keep");
            assertEquals(Optional.empty(), BlasKernel.asked());
            System.setProperty(BlasKernel.PROPERTY, "Haswell");
            assertEquals(BlasKernel.chosen(), BlasKernel.asked(), "named: what was set for this process, if anything");
        } finally {
            if (before == null) {
                System.clearProperty(BlasKernel.PROPERTY);
            } else {
                System.setProperty(BlasKernel.PROPERTY, before);
            }
        }
    }
}
