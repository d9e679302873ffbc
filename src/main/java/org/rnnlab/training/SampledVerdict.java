package org.rnnlab.training;

import java.util.Arrays;
import java.util.List;

/**
 * The result of checking a sample of one parameter's elements (see {@link GradientCheck#runSample}).
 *
 * @param parameter           "U", "V" or "W"
 * @param checked             elements compared
 * @param maxRelativeError    the largest relative error among them (0 when none was checked)
 * @param medianRelativeError their median relative error (0 when none was checked)
 * @param passed              every element at or below the threshold
 * @param firstFailure        the first element above it in row-major order, null when it passed
 * @param elements            the elements checked, row-major; empty when read back from a run log
 */
public record SampledVerdict(String parameter, int checked, double maxRelativeError, double medianRelativeError,
                             boolean passed, CheckedElement firstFailure, List<CheckedElement> elements) {

    public SampledVerdict {
        elements = List.copyOf(elements);
    }

    /** The verdict on {@code elements}, checked in this order. */
    public static SampledVerdict of(String parameter, List<CheckedElement> elements) {
        double[] errors = new double[elements.size()];
        CheckedElement firstFailure = null;
        for (int i = 0; i < errors.length; i++) {
            CheckedElement e = elements.get(i);
            // NaN sorts last in Arrays.sort, so a NaN error is the maximum, as it is the worst
            errors[i] = e.relativeError();
            if (!e.passed() && firstFailure == null) {
                firstFailure = e;
            }
        }
        Arrays.sort(errors);
        int n = errors.length;
        double max = n == 0 ? 0 : errors[n - 1];
        double median = n == 0 ? 0 : n % 2 == 1 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2;
        return new SampledVerdict(parameter, n, max, median, firstFailure == null, firstFailure, elements);
    }

    /** The first failing element as the lesson prints it ({@link CheckedElement#lessonText()}), or null when it passed. */
    public String firstFailureText() {
        return firstFailure == null ? null : firstFailure.lessonText();
    }
}
