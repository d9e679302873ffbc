package org.rnnlab.app.steps.gradcheck;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.common.UserException;

/**
 * The gradient check's example as the learner types it: x and y, lists of word indices below C of
 * the same length ("[0, 1, 2, 3]", brackets and commas optional). What is wrong is said in the
 * learner's language, while they type and again if the check is asked for.
 */
final class ExampleIndices {
    private ExampleIndices() {
    }

    /**
     * Reads {@code text} as word indices below {@code c}.
     *
     * @throws UserException with a sentence saying what is wrong
     */
    static int[] parse(String text, String name, int c) {
        List<Integer> out = new ArrayList<>();
        String problem = read(text, name, c, out);
        if (!problem.isEmpty()) {
            throw new UserException(problem);
        }
        return ints(out);
    }

    /**
     * x and y read, of the same length (y is x shifted by one word).
     *
     * @throws UserException with a sentence saying what is wrong
     */
    static int[][] pair(String x, String y, int c) {
        Check check = check(x, y, c);
        if (!check.problem().isEmpty()) {
            throw new UserException(check.problem());
        }
        return new int[][] {check.xs(), check.ys()};
    }

    /**
     * x and y read once: the indices, which of the two fields is to change, and the first thing to
     * fix (x's, else y's, else their lengths), or "".
     */
    record Check(int[] xs, int[] ys, boolean xBad, boolean yBad, String problem) {
    }

    static Check check(String x, String y, int c) {
        List<Integer> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        String xProblem = read(x, "x", c, xs);
        String yProblem = read(y, "y", c, ys);
        // y is the one to change when the lengths differ: x is the example
        boolean lengths = xProblem.isEmpty() && yProblem.isEmpty() && xs.size() != ys.size();
        String problem = !xProblem.isEmpty() ? xProblem : !yProblem.isEmpty() ? yProblem
                : lengths ? I18n.text("bptt.gc.indices.lengths", xs.size(), ys.size()) : "";
        return new Check(ints(xs), ints(ys), !xProblem.isEmpty(), !yProblem.isEmpty() || lengths, problem);
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Adds the indices {@code text} holds to {@code out}; returns what is wrong with them, or "". */
    private static String read(String text, String name, int c, List<Integer> out) {
        String body = text == null ? "" : text.strip();
        if (body.startsWith("[")) {
            body = body.substring(1);
        }
        if (body.endsWith("]")) {
            body = body.substring(0, body.length() - 1);
        }
        for (String part : body.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int v;
            try {
                v = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                // digits past an int are a whole number all the same, only far outside 0 .. C - 1
                return part.matches("-?\\d+") ? I18n.text("bptt.gc.indices.range", name, part, c - 1)
                        : I18n.text("bptt.gc.indices.notWhole", name, part);
            }
            if (v < 0 || v >= c) {
                return I18n.text("bptt.gc.indices.range", name, v, c - 1);
            }
            out.add(v);
        }
        return out.isEmpty() ? I18n.text("bptt.gc.indices.empty", name) : "";
    }
}
