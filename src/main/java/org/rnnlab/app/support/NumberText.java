package org.rnnlab.app.support;

import java.util.Locale;
import org.rnnlab.app.i18n.I18n;

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

    /** "about 3 min 20 s" for the remaining examples at this rate; "–" when unknown. */
    public static String timeLeft(long remaining, double perSecond) {
        if (remaining <= 0) {
            return I18n.text("training.time.done");
        }
        if (!(perSecond > 0)) {
            return "–";
        }
        return I18n.text("training.time.about", duration(remaining / perSecond));
    }

    /** A duration for people: "45 s", "3 min 20 s", "2 h 05 min", "3 days 4 h". */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return I18n.text("training.duration.seconds", s);
        }
        if (s < 3600) {
            return I18n.text("training.duration.minutes", s / 60, s % 60);
        }
        if (s < 86_400) {
            return I18n.text("training.duration.hours", s / 3600, (s % 3600) / 60);
        }
        return I18n.text("training.duration.days", s / 86_400, (s % 86_400) / 3600);
    }
}
