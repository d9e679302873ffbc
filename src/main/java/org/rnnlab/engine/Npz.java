package org.rnnlab.engine;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * numpy's {@code .npz}: a zip archive of {@code name.npy} arrays, as {@code np.savez} and
 * {@code np.savez_compressed} write it. Other entries (text, JSON) may sit beside the arrays;
 * {@code np.load} lists them too and returns their bytes.
 */
public final class Npz implements Closeable {
    private final ZipFile zip;
    private final List<String> entries;

    private Npz(ZipFile zip) {
        this.zip = zip;
        List<String> names = new ArrayList<>();
        zip.stream().forEach(e -> names.add(e.getName()));
        this.entries = Collections.unmodifiableList(names);
    }

    /** Opens an archive; a file that is not a zip throws {@link NpyFormatException}. */
    public static Npz open(Path file) throws IOException {
        try {
            return new Npz(new ZipFile(file.toFile()));
        } catch (ZipException e) {
            throw new NpyFormatException("not a zip archive (" + e.getMessage() + ")");
        }
    }

    /** Every entry name in archive order, e.g. {@code U.npy}, {@code vocabulary.tsv}. */
    public List<String> entries() {
        return entries;
    }

    /** Array names (entries ending in .npy, without the suffix), as {@code np.load(f).files} shows them. */
    public List<String> arrayNames() {
        List<String> names = new ArrayList<>();
        for (String e : entries) {
            if (e.endsWith(".npy")) {
                names.add(e.substring(0, e.length() - 4));
            }
        }
        return names;
    }

    public boolean hasArray(String name) {
        return zip.getEntry(name + ".npy") != null;
    }

    public boolean hasEntry(String entry) {
        return zip.getEntry(entry) != null;
    }

    /** Reads only the header of array {@code name}: cheap, for checking shapes before loading. */
    public Npy.Header header(String name) throws IOException {
        try (InputStream in = open(name + ".npy")) {
            return Npy.readHeader(new DataInputStream(in));
        }
    }

    public INDArray array(String name) throws IOException {
        try (InputStream in = open(name + ".npy")) {
            return Npy.read(in);
        }
    }

    public byte[] bytes(String entry) throws IOException {
        try (InputStream in = open(entry)) {
            return in.readAllBytes();
        }
    }

    private InputStream open(String entry) throws IOException {
        ZipEntry e = zip.getEntry(entry);
        if (e == null) {
            throw new NpyFormatException("no entry " + entry + " in the archive");
        }
        try {
            return new BufferedInputStream(zip.getInputStream(e), 1 << 16);
        } catch (ZipException ex) {
            throw new NpyFormatException("entry " + entry + " is damaged (" + ex.getMessage() + ")");
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Writes an archive entry by entry; arrays are stored uncompressed as {@code np.savez} does. */
    public static final class Writer implements Closeable {
        private final ZipOutputStream zip;

        public Writer(OutputStream out) {
            this.zip = new ZipOutputStream(out);
        }

        public Writer array(String name, INDArray array) throws IOException {
            java.nio.ByteBuffer data = Npy.littleEndianView(array);
            if (data == null) {
                return stored(name + ".npy", Npy.toBytes(array));
            }
            // streamed from the array's own memory: a save never holds a second copy of the weights
            byte[] header = Npy.headerOf(array);
            CRC32 crc = new CRC32();
            crc.update(header);
            crc.update(data.duplicate());
            long size = header.length + (long) data.remaining();
            ZipEntry e = new ZipEntry(name + ".npy");
            e.setMethod(ZipEntry.STORED);
            e.setCrc(crc.getValue());
            e.setSize(size);
            e.setCompressedSize(size);
            zip.putNextEntry(e);
            zip.write(header);
            byte[] chunk = new byte[1 << 16];
            java.nio.ByteBuffer rest = data.duplicate();
            while (rest.hasRemaining()) {
                int k = Math.min(chunk.length, rest.remaining());
                rest.get(chunk, 0, k);
                zip.write(chunk, 0, k);
            }
            zip.closeEntry();
            return this;
        }

        /** A non-array entry (text, JSON); compressed, since text shrinks well. */
        public Writer entry(String name, byte[] content) throws IOException {
            ZipEntry e = new ZipEntry(name);
            e.setMethod(ZipEntry.DEFLATED);
            zip.putNextEntry(e);
            zip.write(content);
            zip.closeEntry();
            return this;
        }

        private Writer stored(String name, byte[] content) throws IOException {
            ZipEntry e = new ZipEntry(name);
            e.setMethod(ZipEntry.STORED);
            CRC32 crc = new CRC32();
            crc.update(content);
            e.setCrc(crc.getValue());
            e.setSize(content.length);
            e.setCompressedSize(content.length);
            zip.putNextEntry(e);
            zip.write(content);
            zip.closeEntry();
            return this;
        }

        /** Writes the zip directory; the underlying stream stays open. */
        public void finish() throws IOException {
            zip.finish();
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
