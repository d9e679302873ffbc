package org.rnnlab.common;

/**
 * A problem caused by the user's input (a missing file, a wrong column, a corrupt model). Its
 * message is one sentence for the user: what is wrong and how to fix it. The CLI prints it and
 * exits non-zero; the UI shows it as a notice.
 */
public class UserException extends RuntimeException {
    private final String key;     // the sentence's key in Messages, null for one written out here
    private final Object[] args;

    public UserException(String message) {
        this(message, null, null, new Object[0]);
    }

    public UserException(String message, Throwable cause) {
        this(message, cause, null, new Object[0]);
    }

    private UserException(String message, Throwable cause, String key, Object[] args) {
        super(message, cause);
        this.key = key;
        this.args = args;
    }

    /** The sentence {@code key} of {@link Messages}: its message is the English one; the window can translate it. */
    public static UserException said(String key, Object... args) {
        return new UserException(Messages.english(key, args), null, key, args.clone());
    }

    /** As {@link #said(String, Object...)}, caused by {@code cause}. */
    public static UserException said(Throwable cause, String key, Object... args) {
        return new UserException(Messages.english(key, args), cause, key, args.clone());
    }

    /** The key of a sentence of {@link Messages}, or null when the message was written out. */
    public String key() {
        return key;
    }

    /** The sentence's arguments (none for a written-out message). */
    public Object[] args() {
        return args.clone();
    }
}
