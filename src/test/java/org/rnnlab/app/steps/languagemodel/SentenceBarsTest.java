package org.rnnlab.app.steps.languagemodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.session.ModelSessionFixtureStage;
import org.rnnlab.app.support.Theme;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The bars of a sentence stay level when a word's label takes two lines, and grow with the text. */
@ExtendWith(ApplicationExtension.class)
class SentenceBarsTest {
    private SentenceBars bars;

    @Start
    void start(Stage stage) {
        bars = new SentenceBars();
        StackPane root = new StackPane(bars);
        bars.setMaxWidth(400);
        ModelSessionFixtureStage.show(stage, root);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> Theme.fontSizeProperty().set(Theme.DEFAULT_FONT));
        FxToolkit.cleanupStages();
    }

    @Test
    void tracksOfARowStayLevelWhenAnUnknownWordTakesTwoLines() throws Exception {
        List<LanguageModelViewModel.WordScore> words = new ArrayList<>();
        for (String w : List.of("we", "must", "zebrafication", "the", "economy", "today", "and", "tomorrow", "for", "all")) {
            words.add(new LanguageModelViewModel.WordScore(w, w.startsWith("zebra"), 0.01));
        }
        words.add(new LanguageModelViewModel.WordScore("SENTENCE_END", false, 0.5));
        var score = new LanguageModelViewModel.Score(words, -40, 30, 8000);
        fx(() -> bars.show(score));
        WaitForAsyncUtils.waitForFxEvents();

        double[] height = new double[1];
        TreeMap<Double, List<Double>> topsByRow = new TreeMap<>();
        fx(() -> {
            for (Node track : bars.lookupAll(".lm-track")) {
                Bounds b = track.localToScene(track.getLayoutBounds());
                height[0] = b.getHeight();
                // rows of the flow: columns whose middles are within half a column of each other
                Bounds column = track.getParent().localToScene(track.getParent().getLayoutBounds());
                double middle = column.getCenterY();
                Double row = topsByRow.keySet().stream().filter(m -> Math.abs(m - middle) < column.getHeight() / 2)
                        .findFirst().orElse(middle);
                topsByRow.computeIfAbsent(row, k -> new ArrayList<>()).add(b.getMinY());
            }
        });
        assertTrue(topsByRow.size() >= 2, "the sentence wraps to two rows at 400 px: " + topsByRow);
        for (List<Double> tops : topsByRow.values()) {
            for (double top : tops) {
                assertEquals(tops.get(0), top, 0.5, "bars of one row start at one height: " + tops);
            }
        }

        fx(() -> Theme.fontSizeProperty().set(Theme.DEFAULT_FONT + 2 * Theme.FONT_STEP));
        WaitForAsyncUtils.waitForFxEvents();
        double[] larger = new double[1];
        fx(() -> larger[0] = bars.lookup(".lm-track").getLayoutBounds().getHeight());
        assertTrue(larger[0] > height[0] * 1.2, "tracks grow with the text: " + height[0] + " -> " + larger[0]);
    }
}
