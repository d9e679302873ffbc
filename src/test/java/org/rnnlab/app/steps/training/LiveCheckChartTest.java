package org.rnnlab.app.steps.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.training.CheckedElement;
import org.rnnlab.training.SampledVerdict;
import org.rnnlab.training.TrainingEvent;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The live gradient check's y axis: the threshold's line stays in sight, before the first check too. */
@ExtendWith(ApplicationExtension.class)
class LiveCheckChartTest {
    private final LiveCheckState check = new LiveCheckState();
    private LiveCheckChart chart;

    @Start
    void start(Stage stage) {
        chart = new LiveCheckChart(check);
    }

    @Test
    void theAxisShowsTheThresholdBeforeAndAfterChecks() throws Exception {
        double[] floor = new double[1];
        fx(() -> {
            chart.refresh();
            floor[0] = chart.floor();
        });
        // it showed 0.1 to 1 before the first check: no threshold line, a lone "0.1" on the axis
        assertEquals(1e-10, floor[0], 1e-22, "before any check, the whole range");

        check.accept(done(10, 1e-7), 0);
        fx(() -> {
            chart.refresh();
            floor[0] = chart.floor();
        });
        assertEquals(1e-8, floor[0], 1e-20, "a decade below the smallest median error");

        LiveCheckState failing = new LiveCheckState();
        failing.accept(done(10, 0.5), 0);
        fx(() -> {
            LiveCheckChart other = new LiveCheckChart(failing);
            other.refresh();
            floor[0] = other.floor();
        });
        assertTrue(floor[0] <= LessonDefaults.GRADCHECK_THRESHOLD / 10, "every check failing: the threshold still shows, floor " + floor[0]);
    }

    private static TrainingEvent.GradientCheckDone done(long seen, double error) {
        List<SampledVerdict> verdicts = new ArrayList<>();
        for (String p : List.of("U", "V", "W")) {
            verdicts.add(SampledVerdict.of(p, List.of(new CheckedElement(p, 0, 0, 0.5, 0.5 + error, error,
                    error <= LessonDefaults.GRADCHECK_THRESHOLD))));
        }
        return new TrainingEvent.GradientCheckDone(seen, 0, 1, verdicts, 1_000, 1_000, 100_000);
    }
}
