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

    /** A probability as a percentage with enough digits to see small values (0.0125 %). */
    public static String percent(double p) {
        double pct = p * 100;
        if (pct >= 10) {
            return String.format(Locale.ROOT, "%.1f %%", pct);
        }
        if (pct >= 1) {
            return String.format(Locale.ROOT, "%.2f %%", pct);
        }
        if (pct >= 0.01) {
            return String.format(Locale.ROOT, "%.3f %%", pct);
        }
        return String.format(Locale.ROOT, "%.2g %%", pct);
    }

    /** "1 sentence", "1,000 sentences": a count with its noun, singular or plural (nouns that add an s). */
    public static String of(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
