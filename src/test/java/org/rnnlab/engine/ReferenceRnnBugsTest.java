package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.ReferenceRnn.Bug;

/** The lesson's gradient check, run by the reference itself, catches each injected bug on the parameters it breaks. */
class ReferenceRnnBugsTest {
    private static final int[] X = {0, 1, 2, 3};
    private static final int[] Y = {1, 2, 3, 4};

    static final Map<Bug, Set<String>> BROKEN = new EnumMap<>(Map.of(
            Bug.NONE, Set.of(),
            Bug.TANH_DERIVATIVE_FORGOTTEN, Set.of("U", "W"),
            Bug.DELTA_FROM_WRONG_STEP, Set.of("U", "W"),
            Bug.RECURRENCE_DROPPED, Set.of("U", "W"),
            Bug.SOFTMAX_SIGN_FLIPPED, Set.of("U", "V", "W"),
            Bug.TRUNCATION_KEPT, Set.of("U", "W")));

    @Test
    void eachBugFailsExactlyTheParametersItBreaks() {
        assertEquals(Bug.values().length, BROKEN.size());
        for (Bug bug : Bug.values()) {
            ReferenceRnn ref = ReferenceRnn.of(RnnModel.initialise(100, 10, 4, 10, Precision.FLOAT64));
            ref.bug = bug;
            Set<String> failed = new TreeSet<>();
            for (ReferenceRnn.Check c : ref.gradientCheck(X, Y, 0.001, 0.01)) {
                if (!c.passed()) {
                    failed.add(c.parameter());
                    assertEquals(true, ReferenceRnn.lessonText(c).startsWith("Gradient Check ERROR: parameter=" + c.parameter()
                            + " ix=(" + c.row() + ", " + c.column() + ")\nEstimated_gradient: "));
                }
            }
            assertEquals(new TreeSet<>(BROKEN.get(bug)), failed, bug.cliName());
        }
    }

    @Test
    void theCheckUsesTheExactGradientAndLeavesTheTruncationAsItWas() {
        ReferenceRnn ref = ReferenceRnn.of(RnnModel.initialise(20, 4, 1, 10, Precision.FLOAT64));
        int[] x = {0, 5, 7, 2, 9, 11, 3};
        int[] y = {5, 7, 2, 9, 11, 3, 1};
        assertEquals(3, ref.gradientCheck(x, y, 0.001, 0.01).stream().filter(ReferenceRnn.Check::passed).count());
        assertEquals(1, ref.bpttTruncate);
    }

    @Test
    void namesRoundTrip() {
        for (Bug bug : Bug.values()) {
            assertEquals(bug, Bug.fromCliName(bug.cliName()));
        }
        assertEquals(null, Bug.fromCliName("tanh"));
    }
}
