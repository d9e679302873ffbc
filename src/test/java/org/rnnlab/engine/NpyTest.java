package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NpyTest {

    private static INDArray roundTrip(INDArray a) throws IOException {
        return Npy.read(new ByteArrayInputStream(Npy.toBytes(a)));
    }

    @Test
    void float32MatrixRoundTripsExactly() throws IOException {
        INDArray a = Nd4j.rand(DataType.FLOAT, 7, 5).subi(0.5);
        INDArray b = roundTrip(a);
        assertEquals(DataType.FLOAT, b.dataType());
        assertArrayEquals(new long[] {7, 5}, b.shape());
        assertArrayEquals(a.data().asFloat(), b.data().asFloat());
    }

    @Test
    void float64AndIntegerArraysRoundTrip() throws IOException {
        INDArray d = Nd4j.rand(DataType.DOUBLE, 3, 4, 2);
        INDArray d2 = roundTrip(d);
        assertEquals(DataType.DOUBLE, d2.dataType());
        assertArrayEquals(new long[] {3, 4, 2}, d2.shape());
        assertEquals(d, d2);

        INDArray i = Nd4j.createFromArray(new int[] {0, 179, 341, 416, -1});
        INDArray i2 = roundTrip(i);
        assertEquals(DataType.INT, i2.dataType());
        assertArrayEquals(new int[] {0, 179, 341, 416, -1}, i2.toIntVector());

        INDArray l = Nd4j.createFromArray(new long[] {Long.MAX_VALUE, 3});
        assertArrayEquals(new long[] {Long.MAX_VALUE, 3}, roundTrip(l).toLongVector());
    }

    @Test
    void viewsAndFortranOrderedArraysAreWrittenRowMajor() throws IOException {
        INDArray a = Nd4j.create(new double[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, 'c');
        INDArray t = a.transpose(); // a view, 3 x 2
        INDArray b = roundTrip(t);
        assertArrayEquals(new long[] {3, 2}, b.shape());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, b.data().asDouble());
        INDArray f = a.dup('f');
        assertEquals(a, roundTrip(f));
        INDArray row = a.getRow(1);
        assertArrayEquals(new double[] {4, 5, 6}, roundTrip(row).toDoubleVector());
    }

    @Test
    void headerIsVersionOneAlignedTo64BytesAndEndsWithNewline() {
        byte[] bytes = Npy.toBytes(Nd4j.zeros(DataType.FLOAT, 50, 8000));
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, bytes[6]);
        assertEquals(0, bytes[7]);
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLength) % 64);
        String dict = new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1);
        assertTrue(dict.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (50, 8000), }"), dict);
        assertTrue(dict.endsWith("\n"));
        assertEquals(10 + headerLength + 50 * 8000 * 4, bytes.length);
        String vector = new String(Npy.header("<i8", false, new long[] {3}), StandardCharsets.ISO_8859_1);
        assertTrue(vector.contains("'shape': (3,), }"), vector); // a 1-tuple needs its comma
    }

    /** Builds an .npy file by hand, as numpy may write it. */
    private static byte[] npy(int major, String dict, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Npy.MAGIC);
        out.write(major);
        out.write(0);
        byte[] text = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
        if (major == 1) {
            out.write(text.length & 0xff);
            out.write(text.length >>> 8);
        } else {
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(text.length).array());
        }
        out.writeBytes(text);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] doubles(ByteOrder order, double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(order);
        for (double d : v) {
            b.putDouble(d);
        }
        return b.array();
    }

    @Test
    void readsFortranOrderBigEndianAndVersionTwoHeaders() throws IOException {
        // Column-major data of [[1, 2, 3], [4, 5, 6]].
        byte[] f = npy(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }",
                doubles(ByteOrder.LITTLE_ENDIAN, 1, 4, 2, 5, 3, 6));
        INDArray a = Npy.read(new ByteArrayInputStream(f));
        assertEquals(Nd4j.create(new double[][] {{1, 2, 3}, {4, 5, 6}}), a);
        assertEquals('c', a.ordering());

        byte[] big = npy(2, "{'descr': '>f8', 'fortran_order': False, 'shape': (2L, 2L), }",
                doubles(ByteOrder.BIG_ENDIAN, 1.5, -2, 3, 1e-300));
        INDArray b = Npy.read(new ByteArrayInputStream(big));
        assertArrayEquals(new double[] {1.5, -2, 3, 1e-300}, b.data().asDouble());

        ByteBuffer f4 = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putFloat(0.25f).putFloat(-7f);
        byte[] bigFloat = npy(3, "{\"descr\": \">f4\", \"fortran_order\": False, \"shape\": (2,)}", f4.array());
        INDArray c = Npy.read(new ByteArrayInputStream(bigFloat));
        assertEquals(DataType.FLOAT, c.dataType());
        assertArrayEquals(new float[] {0.25f, -7f}, c.toFloatVector());

        byte[] u1 = npy(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (3,), }", new byte[] {0, 1, (byte) 255});
        assertArrayEquals(new int[] {0, 1, 255}, Npy.read(new ByteArrayInputStream(u1)).toIntVector());
    }

    @Test
    void refusesWhatIsNotAnArrayWithAClearReason() {
        NpyFormatException magic = assertThrows(NpyFormatException.class,
                () -> Npy.read(new ByteArrayInputStream("PK\3\4 not an npy".getBytes(StandardCharsets.ISO_8859_1))));
        assertTrue(magic.getMessage().contains("magic"), magic.getMessage());

        byte[] good = Npy.toBytes(Nd4j.ones(DataType.FLOAT, 4, 4));
        NpyFormatException truncated = assertThrows(NpyFormatException.class,
                () -> Npy.read(new ByteArrayInputStream(Arrays.copyOf(good, good.length - 3))));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());

        NpyFormatException complex = assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(
                npy(1, "{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", new byte[16]))));
        assertTrue(complex.getMessage().contains("<c16"), complex.getMessage());

        NpyFormatException record = assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(
                npy(1, "{'descr': [('a', '<f4'), ('b', '<i4')], 'fortran_order': False, 'shape': (1,), }", new byte[8]))));
        assertTrue(record.getMessage().contains("structured"), record.getMessage());

        NpyFormatException garbage = assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(
                npy(1, "{'descr': '<f4', 'fortran_order': Maybe, 'shape': (1,), }", new byte[4]))));
        assertTrue(garbage.getMessage().contains("unreadable .npy header"), garbage.getMessage());

        NpyFormatException version = assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(
                npy(9, "{}", new byte[0]))));
        assertFalse(version.getMessage().isBlank());
    }

    @Test
    void describesHeaders() {
        assertEquals("float32 50x8000", new Npy.Header("<f4", false, new long[] {50, 8000}).describe());
        assertEquals("float64 scalar", new Npy.Header("<f8", false, new long[0]).describe());
    }
}
