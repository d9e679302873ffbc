package org.rnnlab.text;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Follows CSV quoting in the characters a parser reads, to tell whether the file ended inside a
 * quoted field (a quote never closed) and on which line that field opened. The parser itself, in
 * Python's lenient way, reads such a last record to the end of the file without a word.
 *
 * <p>A quote opens a field only at its start (after a delimiter or a line break, spaces skipped, as
 * {@code skipinitialspace} does); inside, a doubled quote is a quote and a single one closes.
 */
final class QuoteTracker extends FilterReader {
    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private State state = State.FIELD_START;
    private long line = 1;
    private long openedOnLine = -1;
    private boolean lastWasLineBreak;

    QuoteTracker(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = 0; i < n; i++) {
            see(buf[off + i]);
        }
        return n;
    }

    private void see(char c) {
        switch (state) {
            case FIELD_START -> {
                if (c == '"') {
                    state = State.QUOTED;
                    openedOnLine = line;
                } else if (c != ' ' && c != ',' && c != '\n' && c != '\r') {
                    state = State.UNQUOTED;
                }
            }
            case UNQUOTED -> {
                if (c == ',' || c == '\n') {
                    state = State.FIELD_START;
                }
            }
            case QUOTED -> {
                if (c == '"') {
                    state = State.QUOTE_IN_QUOTED;
                }
            }
            case QUOTE_IN_QUOTED -> {
                // a doubled quote stays inside; anything else closed the field (text after it is trailing data)
                if (c == '"') {
                    state = State.QUOTED;
                } else if (c == ',' || c == '\n') {
                    state = State.FIELD_START;
                } else {
                    state = State.UNQUOTED;
                }
            }
        }
        if (c == '\n') {
            line++;
        }
        lastWasLineBreak = c == '\n';
    }

    boolean endedInsideQuotes() {
        return state == State.QUOTED;
    }

    long openedOnLine() {
        return openedOnLine;
    }

    /** Lines read (a last line without a line break counts). */
    long lines() {
        return lastWasLineBreak ? line - 1 : line;
    }
}
