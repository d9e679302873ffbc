package org.rnnlab.app.support;

import java.util.Locale;

/** How the app writes numbers for the learner. */
public final class NumberText {
    private NumberText() {
    }

    /** A whole number with thousands separators, the same on every locale: 1,610,000. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
