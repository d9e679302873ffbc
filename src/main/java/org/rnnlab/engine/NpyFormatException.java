package org.rnnlab.engine;

import java.io.IOException;

/** The bytes are not a .npy array this program can read; the message says what is wrong with them. */
public final class NpyFormatException extends IOException {
    public NpyFormatException(String message) {
        super(message);
    }
}
