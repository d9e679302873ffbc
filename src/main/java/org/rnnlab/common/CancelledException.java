package org.rnnlab.common;

/** Thrown by work that noticed its {@link Cancellation}; not an error. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
