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
    void theRunningKernelIsNamedByTheLoadedLibrary() {
        Optional<String> running = BlasKernel.running();
        assertTrue(running.isPresent(), "openblas_get_corename answered nothing");
        assertTrue(running.get().matches("[A-Za-z0-9]+"), running.get());
    }
}
