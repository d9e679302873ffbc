package org.rnnlab.app.steps.training;

import org.rnnlab.app.i18n.I18n;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnnlab.app.charts.DecimatedSeries;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.training.SampledVerdict;
import org.rnnlab.training.TrainingEvent;

/**
 * The live gradient check over training, from the trainer's {@link TrainingEvent.GradientCheckDone}
 * events: per parameter the largest and median relative error against examples seen, the latest
 * verdict, the first failing element as the lesson prints it, and the share of the run's time the
 * checks took.
 */
public final class LiveCheckState {
    /** Points kept per series. */
    static final int POINTS = 500;
    private static final DecimatedSeries EMPTY = new DecimatedSeries(4);

    private final Map<String, DecimatedSeries> max = new LinkedHashMap<>();
    private final Map<String, DecimatedSeries> median = new LinkedHashMap<>();
    private final Map<String, SampledVerdict> latest = new LinkedHashMap<>();
    /** The first failure: where (examples seen), which parameter, and the lesson's own line for it; null while none. */
    private long failedAt;
    private String failedParameter;
    private String firstFailure;
    private double share = Double.NaN;
    private int checks;
    private long revision;

    void accept(TrainingEvent.GradientCheckDone check, long baseExamples) {
        double x = baseExamples + check.examplesSeen();
        for (SampledVerdict v : check.parameters()) {
            max.computeIfAbsent(v.parameter(), k -> new DecimatedSeries(POINTS)).add(x, v.maxRelativeError());
            median.computeIfAbsent(v.parameter(), k -> new DecimatedSeries(POINTS)).add(x, v.medianRelativeError());
            latest.put(v.parameter(), v);
            if (!v.passed() && firstFailure == null) {
                failedAt = (long) x;
                failedParameter = v.parameter();
                firstFailure = v.firstFailureText();
            }
        }
        share = check.share();
        checks++;
        revision++;
    }

    void clear() {
        max.clear();
        median.clear();
        latest.clear();
        firstFailure = null;
        share = Double.NaN;
        checks = 0;
        revision++;
    }

    /** The parameters checked so far, in the trainer's order (U, V, W). */
    public List<String> parameters() {
        return new ArrayList<>(latest.keySet());
    }

    /** The largest relative error of each check of {@code parameter}, against examples seen. */
    public DecimatedSeries maxSeries(String parameter) {
        return max.getOrDefault(parameter, EMPTY);
    }

    public DecimatedSeries medianSeries(String parameter) {
        return median.getOrDefault(parameter, EMPTY);
    }

    /** The latest verdict on {@code parameter}, or null. */
    public SampledVerdict latest(String parameter) {
        return latest.get(parameter);
    }

    /** The checks so far. */
    public int checks() {
        return checks;
    }

    /** The live checks' share of the run's time, as the trainer measured it; NaN before the first. */
    public double share() {
        return share;
    }

    /**
     * The first element that failed in this run: where, in the window's language, then the line the lesson
     * prints for it; null when every check passed.
     */
    public String firstFailure() {
        return firstFailure == null ? null : I18n.text("training.check.firstFailure", failedAt, failedParameter, firstFailure);
    }

    /** Increases whenever a check arrives or the state is cleared. */
    public long revision() {
        return revision;
    }

    /** "U passed: max 3.1e-06, median 2.0e-08 (20 elements)" for the latest check of {@code parameter}. */
    public String verdictLine(String parameter) {
        SampledVerdict v = latest.get(parameter);
        if (v == null) {
            return I18n.text("training.check.notYet", parameter);
        }
        String mx = String.format(Locale.ROOT, "%.1e", v.maxRelativeError());
        String md = String.format(Locale.ROOT, "%.1e", v.medianRelativeError());
        return v.passed() ? I18n.text("training.check.passed", parameter, mx, md, v.checked())
                : I18n.text("training.check.failed", parameter, mx, md, v.checked());
    }

    /**
     * The check's summary: how many, their share of the time, and the first failure or "passed".
     */
    public String summary() {
        if (checks == 0) {
            return I18n.text("training.check.intro", String.valueOf(LessonDefaults.GRADCHECK_H),
                    String.valueOf(LessonDefaults.GRADCHECK_THRESHOLD));
        }
        String percent = String.format(Locale.ROOT, "%.1f", 100 * share);
        return firstFailure == null ? I18n.text("training.check.summary", checks, percent)
                : I18n.text("training.check.summaryFailed", checks, percent, firstFailure());
    }
}
