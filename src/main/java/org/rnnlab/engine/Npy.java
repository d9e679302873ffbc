package org.rnnlab.engine;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnlab.common.AtomicFiles;

/**
 * numpy's {@code .npy} array format (format versions 1.0, 2.0 and 3.0), read and written without
 * numpy. Reads what numpy writes: float32/float64/int8..int64/uint8/bool, either byte order, C or
 * Fortran order. Writes version 1.0 headers, little-endian, C order, as {@code np.save} does, so
 * {@code np.load} reads the result. Problems with the bytes throw {@link NpyFormatException}.
 */
public final class Npy {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy pads the header so the data starts at a multiple of 64 bytes. */
    private static final int ALIGN = 64;
    /** Refuse absurd headers and shapes before allocating anything for them. */
    private static final int MAX_HEADER = 1 << 20;

    private Npy() {
    }

    /** What an .npy header says: element type, memory order and shape. */
    public record Header(String descr, boolean fortranOrder, long[] shape) {
        public long elements() {
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }

        /** e.g. "float32 50x8000". */
        public String describe() {
            String type;
            try {
                type = NpyType.parse(descr).name;
            } catch (NpyFormatException e) {
                type = descr;
            }
            StringBuilder b = new StringBuilder(type);
            b.append(' ');
            if (shape.length == 0) {
                b.append("scalar");
            }
            for (int i = 0; i < shape.length; i++) {
                b.append(i == 0 ? "" : "x").append(shape[i]);
            }
            return b.toString();
        }
    }

    public static INDArray read(Path file) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            return read(in);
        }
    }

    /** Reads one array; the stream is left just after its data. */
    public static INDArray read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        Header header = readHeader(data);
        NpyType type = NpyType.parse(header.descr());
        long count = header.elements();
        long bytes = Math.multiplyExact(count, (long) type.size);
        if (bytes > Integer.MAX_VALUE - 64) {
            throw new NpyFormatException("array of " + header.describe() + " is too large to load");
        }
        byte[] raw = new byte[(int) bytes];
        try {
            data.readFully(raw);
        } catch (EOFException e) {
            throw new NpyFormatException("array data is truncated: expected " + bytes + " bytes for "
                    + header.describe());
        }
        ByteBuffer buf = ByteBuffer.wrap(raw).order(type.order);
        long[] shape = header.shape();
        char order = header.fortranOrder() ? 'f' : 'c';
        int n = (int) count;
        INDArray array;
        switch (type.kind) {
            case 'f' -> {
                if (type.size == 4) {
                    float[] v = new float[n];
                    buf.asFloatBuffer().get(v);
                    array = Nd4j.create(v, shape, order);
                } else {
                    double[] v = new double[n];
                    buf.asDoubleBuffer().get(v);
                    array = Nd4j.create(v, shape, order);
                }
            }
            case 'i', 'u', 'b' -> {
                if (type.size == 8) {
                    long[] v = new long[n];
                    buf.asLongBuffer().get(v);
                    if (type.kind == 'u') {
                        for (long x : v) {
                            if (x < 0) {
                                throw new NpyFormatException("uint64 value above the int64 range");
                            }
                        }
                    }
                    array = Nd4j.createFromArray(v).reshape(order, shape);
                } else {
                    int[] v = new int[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = switch (type.size) {
                            case 1 -> type.kind == 'i' ? buf.get(i) : buf.get(i) & 0xff;
                            case 2 -> type.kind == 'i' ? buf.getShort(2 * i) : buf.getShort(2 * i) & 0xffff;
                            default -> buf.getInt(4 * i);
                        };
                    }
                    if (type.kind == 'u' && type.size == 4) {
                        for (int x : v) {
                            if (x < 0) {
                                throw new NpyFormatException("uint32 value above the int32 range");
                            }
                        }
                    }
                    array = Nd4j.createFromArray(v).reshape(order, shape);
                }
            }
            default -> throw new NpyFormatException("unsupported element type " + header.descr());
        }
        // Callers index rows and columns; a C-ordered copy makes every later access plain.
        return array.ordering() == 'c' && !array.isView() ? array : array.dup('c');
    }

    /** Reads and checks the magic, version and header dictionary. */
    public static Header readHeader(DataInputStream in) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        try {
            in.readFully(magic);
        } catch (EOFException e) {
            throw new NpyFormatException("not a .npy array (too short)");
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new NpyFormatException("not a .npy array (no \\x93NUMPY magic)");
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte(); // minor: 0 in every released version
        long length;
        if (major == 1) {
            length = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        } else if (major == 2 || major == 3) {
            length = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
        } else {
            throw new NpyFormatException("unsupported .npy format version " + major);
        }
        if (length > MAX_HEADER) {
            throw new NpyFormatException(".npy header too long (" + length + " bytes)");
        }
        byte[] text = new byte[(int) length];
        try {
            in.readFully(text);
        } catch (EOFException e) {
            throw new NpyFormatException(".npy header is truncated");
        }
        // Version 1 and 2 headers are latin-1, version 3 UTF-8; the keys we need are ASCII anyway.
        String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return NpyHeaderParser.parse(dict);
    }

    public static void write(Path file, INDArray array) throws IOException {
        AtomicFiles.write(file, out -> write(out, array));
    }

    /** Writes one array as numpy's {@code np.save} would (format 1.0, little-endian, C order). */
    public static void write(OutputStream out, INDArray array) throws IOException {
        out.write(toBytes(array));
    }

    private static String descr(INDArray array) {
        return switch (array.dataType()) {
            case FLOAT -> "<f4";
            case DOUBLE -> "<f8";
            case INT -> "<i4";
            case LONG -> "<i8";
            default -> throw new IllegalArgumentException("cannot write " + array.dataType() + " as .npy");
        };
    }

    /** The .npy header of {@code array} (format 1.0, little-endian, C order). */
    static byte[] headerOf(INDArray array) {
        return header(descr(array), false, array.shape());
    }

    /**
     * The array's elements as they lie in its own memory, little-endian and in C order, without a copy:
     * a save then streams them instead of holding a second copy of the weights. Null when the memory is
     * not laid out so (a view, another order, a big-endian machine): write {@link #toBytes} then.
     */
    static ByteBuffer littleEndianView(INDArray array) {
        if (array.isView() || array.ordering() != 'c' || array.offset() != 0 || ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN
                || array.data().length() != array.length()) {
            return null;
        }
        ByteBuffer all = array.data().asNio();
        long bytes = array.length() * array.dataType().width();
        if (all == null || all.capacity() < bytes) {
            return null;
        }
        ByteBuffer view = all.duplicate();
        view.position(0).limit((int) bytes);
        return view.slice().asReadOnlyBuffer();
    }

    /** The complete .npy file of one array. */
    public static byte[] toBytes(INDArray array) {
        byte[] header = headerOf(array);
        long n = array.length();
        int size = array.dataType().width();
        if ((long) header.length + n * size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("array too large for one .npy buffer: " + n + " elements");
        }
        ByteBuffer buf = ByteBuffer.allocate(header.length + (int) (n * size)).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(header);
        // A C-ordered copy with its own buffer, so the buffer holds exactly this array's elements in row-major order.
        INDArray c = array.isView() || array.ordering() != 'c' ? array.dup('c') : array;
        switch (array.dataType()) {
            case FLOAT -> buf.asFloatBuffer().put(c.data().asFloat(), 0, (int) n);
            case DOUBLE -> buf.asDoubleBuffer().put(c.data().asDouble(), 0, (int) n);
            case INT -> buf.asIntBuffer().put(c.data().asInt(), 0, (int) n);
            default -> buf.asLongBuffer().put(c.data().asLong(), 0, (int) n);
        }
        return buf.array();
    }

    /** A version 1.0 header (magic, version, length, dictionary, padding, newline). */
    static byte[] header(String descr, boolean fortranOrder, long[] shape) {
        StringBuilder dict = new StringBuilder();
        dict.append("{'descr': '").append(descr).append("', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False").append(", 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            dict.append(shape[i]);
            if (shape.length == 1 || i < shape.length - 1) {
                dict.append(shape.length == 1 ? "," : ", ");
            }
        }
        dict.append("), }");
        int preamble = MAGIC.length + 2 + 2;
        int total = preamble + dict.length() + 1;
        int padded = (total + ALIGN - 1) / ALIGN * ALIGN;
        dict.append(" ".repeat(padded - total)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(padded);
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(text.length & 0xff);
        out.write(text.length >>> 8);
        out.writeBytes(text);
        return out.toByteArray();
    }

    /** An element type named by a numpy {@code descr} string such as {@code <f4}. */
    static final class NpyType {
        final char kind;
        final int size;
        final ByteOrder order;
        final String name;

        private NpyType(char kind, int size, ByteOrder order, String name) {
            this.kind = kind;
            this.size = size;
            this.order = order;
            this.name = name;
        }

        static NpyType parse(String descr) throws NpyFormatException {
            if (descr.length() < 2) {
                throw new NpyFormatException("unsupported element type '" + descr + "'");
            }
            char endian = descr.charAt(0);
            ByteOrder order = switch (endian) {
                case '<', '|', '=' -> ByteOrder.LITTLE_ENDIAN; // '=' is native; numpy only writes it on the machine that reads it
                case '>' -> ByteOrder.BIG_ENDIAN;
                default -> null;
            };
            String rest = order == null ? descr : descr.substring(1);
            if (order == null) {
                order = ByteOrder.LITTLE_ENDIAN;
            }
            if (rest.length() < 2) {
                throw new NpyFormatException("unsupported element type '" + descr + "'");
            }
            char kind = rest.charAt(0);
            int size;
            try {
                size = Integer.parseInt(rest.substring(1));
            } catch (NumberFormatException e) {
                throw new NpyFormatException("unsupported element type '" + descr + "'");
            }
            String name = switch (kind + Integer.toString(size)) {
                case "f4" -> "float32";
                case "f8" -> "float64";
                case "i1" -> "int8";
                case "i2" -> "int16";
                case "i4" -> "int32";
                case "i8" -> "int64";
                case "u1" -> "uint8";
                case "u2" -> "uint16";
                case "u4" -> "uint32";
                case "u8" -> "uint64";
                case "b1" -> "bool";
                default -> throw new NpyFormatException("unsupported element type '" + descr
                        + "' (only float, integer and bool arrays are supported)");
            };
            return new NpyType(kind, size, order, name);
        }
    }
}
