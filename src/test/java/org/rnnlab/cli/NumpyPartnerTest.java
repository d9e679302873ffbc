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
}
