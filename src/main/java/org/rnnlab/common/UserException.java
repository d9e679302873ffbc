package org.rnnlab.common;

/**
 * A problem caused by the user's input (a missing file, a wrong column, a corrupt model). Its
 * message is one sentence for the user: what is wrong and how to fix it. The CLI prints it and
 * exits non-zero; the UI shows it as a notice.
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
