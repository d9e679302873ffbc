package org.rnnlab.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a stream (UTF-8 unless told otherwise), replacing every malformed sequence by U+FFFD and
 * counting the bytes replaced (InputStreamReader replaces too, but cannot say how much). Skips a
 * leading UTF-8 byte order mark. Also counts bytes read, for progress.
 */
final class DecodingReader extends Reader {
    private static final char REPLACEMENT = '\uFFFD';

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final boolean utf8;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private boolean eof;
    private boolean flushed;
    private boolean started;
    private boolean pendingReplacement;
    private long malformedBytes;
    private long bytesRead;

    DecodingReader(InputStream in) {
        this(in, StandardCharsets.UTF_8);
    }

    DecodingReader(InputStream in, java.nio.charset.Charset charset) {
        this.in = in;
        this.utf8 = StandardCharsets.UTF_8.equals(charset);
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();   // empty, in read mode
    }

    long malformedBytes() {
        return malformedBytes;
    }

    long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        if (pendingReplacement) {
            out.put(REPLACEMENT);
            pendingReplacement = false;
        }
        while (true) {
            if (flushed) {
                break;
            }
            CoderResult r = decoder.decode(bytes, out, eof);
            if (r.isError()) {
                malformedBytes += r.length();
                bytes.position(bytes.position() + r.length());
                if (out.hasRemaining()) {
                    out.put(REPLACEMENT);
                } else {
                    pendingReplacement = true;
                    break;
                }
                continue;
            }
            if (r.isOverflow()) {
                break;
            }
            // underflow: the decoder wants more bytes
            if (eof) {
                if (decoder.flush(out).isOverflow()) {
                    break;
                }
                flushed = true;
                break;
            }
            if (out.position() > off) {
                break;   // give what we have before blocking on more input
            }
            fill();
        }
        int n = out.position() - off;
        return n == 0 && flushed ? -1 : n;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytesRead += n;
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
        if (!started && (bytes.remaining() >= 3 || eof)) {
            started = true;
            if (utf8 && bytes.remaining() >= 3 && (bytes.get(0) & 0xff) == 0xEF && (bytes.get(1) & 0xff) == 0xBB
                    && (bytes.get(2) & 0xff) == 0xBF) {
                bytes.position(3);
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
