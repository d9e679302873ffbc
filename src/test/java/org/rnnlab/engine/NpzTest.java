package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnlab.common.AtomicFiles;

class NpzTest {
    @TempDir
    Path dir;

    @Test
    void arraysAndTextEntriesRoundTrip() throws IOException {
        INDArray u = Nd4j.rand(DataType.FLOAT, 3, 10);
        INDArray w = Nd4j.rand(DataType.DOUBLE, 3, 3);
        Path file = dir.resolve("a.npz");
        AtomicFiles.write(file, out -> {
            Npz.Writer npz = new Npz.Writer(out);
            npz.array("U", u).array("W", w).entry("notes.txt", "héllo\n".getBytes(StandardCharsets.UTF_8));
            npz.finish();
        });
        try (Npz npz = Npz.open(file)) {
            assertEquals(List.of("U.npy", "W.npy", "notes.txt"), npz.entries());
            assertEquals(List.of("U", "W"), npz.arrayNames());
            assertTrue(npz.hasArray("U"));
            assertFalse(npz.hasArray("V"));
            assertArrayEquals(new long[] {3, 10}, npz.header("U").shape());
            assertEquals(u, npz.array("U"));
            assertEquals(w, npz.array("W"));
            assertEquals("héllo\n", new String(npz.bytes("notes.txt"), StandardCharsets.UTF_8));
            NpyFormatException missing = assertThrows(NpyFormatException.class, () -> npz.array("V"));
            assertTrue(missing.getMessage().contains("V.npy"));
        }
    }

    @Test
    void arraysAreStreamedFromTheirOwnMemoryWithTheBytesOfACopy() throws IOException {
        INDArray plain = Nd4j.rand(DataType.FLOAT, 70, 1_100); // more than one 64 KiB chunk
        INDArray view = Nd4j.rand(DataType.DOUBLE, 6, 8).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 4),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        assertTrue(Npy.littleEndianView(plain) != null, "a plain array is streamed");
        assertTrue(Npy.littleEndianView(view) == null, "a view is copied first");
        Path file = dir.resolve("s.npz");
        AtomicFiles.write(file, out -> {
            Npz.Writer w = new Npz.Writer(out);
            w.array("plain", plain);
            w.array("view", view);
            w.finish();
        });
        try (Npz npz = Npz.open(file)) {
            assertArrayEquals(Npy.toBytes(plain), npz.bytes("plain.npy"));
            assertArrayEquals(Npy.toBytes(view), npz.bytes("view.npy"));
            assertEquals(plain, npz.array("plain"));
        }
    }

    @Test
    void aFileThatIsNotAZipIsAFormatError() throws IOException {
        Path file = dir.resolve("b.npz");
        Files.writeString(file, "hello, not a zip");
        assertThrows(NpyFormatException.class, () -> Npz.open(file));
    }

    /** numpy (when installed) must read what we write, and we must read what numpy writes. */
    @Test
    void numpyReadsOurArchivesAndWeReadNumpys() throws Exception {
        Assumptions.assumeTrue(python("import numpy"), "python3 with numpy is not installed");
        INDArray u = Nd4j.create(new float[] {1.5f, -2f, 3.25f, 4f, 5f, 6f}, new long[] {2, 3}, 'c');
        INDArray v = Nd4j.create(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, new long[] {3, 2}, 'c');
        Path ours = dir.resolve("ours.npz");
        AtomicFiles.write(ours, out -> {
            Npz.Writer npz = new Npz.Writer(out);
            npz.array("U", u).array("V", v).entry("model.json", "{}".getBytes(StandardCharsets.UTF_8));
            npz.finish();
        });
        assertTrue(python("import numpy as np\n"
                + "f = np.load(r'" + ours + "')\n"
                + "assert f['U'].dtype == np.float32 and f['U'].shape == (2, 3), f['U']\n"
                + "assert (f['U'] == np.array([[1.5, -2, 3.25], [4, 5, 6]], dtype=np.float32)).all()\n"
                + "assert f['V'].dtype == np.float64 and (f['V'] == np.array([[.1, .2], [.3, .4], [.5, .6]])).all()\n"
                + "assert f['model.json'] == b'{}'\n"), "numpy could not read our archive");

        Path theirs = dir.resolve("theirs.npz");
        assertTrue(python("import numpy as np\n"
                + "a = np.asfortranarray(np.arange(6, dtype='<f8').reshape(2, 3))\n"
                + "b = np.arange(4, dtype='>f4').reshape(2, 2)\n"
                + "np.savez_compressed(r'" + theirs + "', A=a, B=b, C=np.array([1, 2, 3], dtype=np.int64))\n"));
        try (Npz npz = Npz.open(theirs)) {
            assertEquals(Nd4j.create(new double[][] {{0, 1, 2}, {3, 4, 5}}), npz.array("A"));
            INDArray b = npz.array("B");
            assertEquals(DataType.FLOAT, b.dataType());
            assertArrayEquals(new float[] {0, 1, 2, 3}, b.data().asFloat());
            assertArrayEquals(new long[] {1, 2, 3}, npz.array("C").toLongVector());
        }
    }

    private static boolean python(String script) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        } catch (IOException e) {
            return false;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        if (p.exitValue() != 0 && !script.equals("import numpy")) {
            System.err.println(output);
        }
        return p.exitValue() == 0;
    }
}
