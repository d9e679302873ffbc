package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The numpy partner of rnnlab bench, with a stand-in script in numpy's place that answers as the
 * real one does and reports the environment it was given.
 */
class NumpyPartnerTest {
    private static final String STAND_IN = String.join("\n",
            "import os, sys",
            "core = os.environ.get('OPENBLAS_CORETYPE', 'unpinned') + '/' + os.environ.get('OPENBLAS_L2_SIZE', 'none')",
            "print('ready numpy=0.0 core=' + core + ' threads=' + os.environ.get('OPENBLAS_NUM_THREADS', 'default'), flush=True)",
            "for line in sys.stdin:",
            "    if line.startswith('steps '):",
            "        print('times ' + ' '.join(['1.5'] * int(line.split()[1])), flush=True)",
            "    elif line.startswith('quit'):",
            "        break",
            "");

    /** A numpy that fails without the environment's pinned kernel, as an old OpenBLAS build would. */
    private static final String NEEDS_THE_PIN = "import os, sys\n"
            + "if 'OPENBLAS_CORETYPE' not in os.environ:\n"
            + "    print('Illegal instruction', flush=True)\n"
            + "    sys.exit(132)\n"
            + STAND_IN;

    private static boolean python3() {
        try {
            return new ProcessBuilder("python3", "-c", "pass").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void numpysReferenceRunsOnNumpysOwnKernelWhateverPinTheEnvironmentSets(@TempDir Path dir) throws Exception {
        assumeTrue(python3(), "python3 is not installed: the bench skips numpy's reference too");
        Path script = dir.resolve("stand_in.py");
        Files.writeString(script, STAND_IN);
        // whether or not this machine's environment pins a kernel, the partner's has none
        try (NumpyPartner partner = NumpyPartner.start(script, 8000, 100, 45, "1")) {
            assertNotNull(partner);
            assertEquals("unpinned/none", partner.core);
            assertArrayEquals(new double[] {1.5, 1.5, 1.5}, partner.steps(3));
        }
    }

    @Test
    void aNumpyThatFailsWithoutThePinIsStartedAgainWithIt(@TempDir Path dir) throws Exception {
        assumeTrue(python3(), "python3 is not installed: the bench skips numpy's reference too");
        assumeTrue(System.getenv("OPENBLAS_CORETYPE") != null, "this machine's environment pins no OpenBLAS kernel");
        Path script = dir.resolve("needs_the_pin.py");
        Files.writeString(script, NEEDS_THE_PIN);
        try (NumpyPartner partner = NumpyPartner.start(script, 8000, 100, 45, null)) {
            assertNotNull(partner, "started again with the environment as it is");
            assertEquals(System.getenv("OPENBLAS_CORETYPE") + "/" + java.util.Objects.requireNonNullElse(
                    System.getenv("OPENBLAS_L2_SIZE"), "none"), partner.core);
        }
    }
}
