package org.rnnlab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import io.fair_acc.chartfx.axes.spi.AbstractAxis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.i18n.Language;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.session.ModelSessionFixture;
import org.rnnlab.app.steps.LessonSteps;
import org.rnnlab.app.support.Theme;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every chart axis's name fits along its axis, on every tab of every step, in English and in Chinese,
 * at the default text size and four sizes up: ChartFX draws a longer name cut at the axis's ends
 * (the Loss step's "mean loss per word so far" was shown as "...so fa").
 */
@ExtendWith(ApplicationExtension.class)
class AxisNamesFitTest {
    private LessonSession session;
    private MainWindow window;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Theme.fontSizeProperty().set(Theme.DEFAULT_FONT);
        session = new LessonSession();
        WindowWalk.Opened opened = WindowWalk.openInEnglish(stage, session);
        window = opened.window();
        scene = opened.scene();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> Theme.fontSizeProperty().set(Theme.DEFAULT_FONT));
        WindowWalk.close(window);
    }

    @Test
    void everyAxisNameFitsItsAxis() throws Exception {
        ModelSessionFixture.install(session, 30);
        waitFor(60, () -> session.models().model() != null && !session.models().loadingProperty().get());
        // with its result shown, the Loss step's chart has the least room
        WindowWalk.clickWhenReady(window, scene, "lossStep", "#computeLoss");
        waitFor(120, () -> !session.work().busyProperty().get());
        Set<String> cut = new LinkedHashSet<>();
        int[] axes = {0};
        for (Language language : new Language[] {Language.ENGLISH, Language.SIMPLIFIED_CHINESE}) {
            for (double font : new double[] {Theme.DEFAULT_FONT, Theme.DEFAULT_FONT + 4 * Theme.FONT_STEP}) {
                fx(() -> {
                    I18n.setLanguage(language);
                    Theme.fontSizeProperty().set(font);
                });
                for (LessonSteps.Entry step : LessonSteps.ALL) {
                    fx(() -> window.select(step.id()));
                    WindowWalk.settle();
                    String where = String.format(Locale.ROOT, "%s, %s, %.0fpx", step.id(), language, font);
                    fx(() -> axes[0] += visit(scene.getRoot(), where, cut));
                    WindowWalk.otherTabs(scene, tab -> fx(() -> axes[0] += visit(scene.getRoot(), where + ", tab " + tab, cut)));
                }
            }
        }
        assertTrue(axes[0] > 20, "the walk should have measured the charts' named axes, measured " + axes[0]);
        assertTrue(cut.isEmpty(), "axis names longer than their axes:\n" + String.join("\n", cut));
    }

    /** Checks the named axes under {@code n} that are showing; returns how many it measured. */
    private static int visit(Node n, String where, Set<String> cut) {
        if (!n.isVisible()) {
            return 0;
        }
        int measured = 0;
        if (n instanceof AbstractAxis axis && axis.getName() != null && !axis.getName().isBlank()) {
            double length = axis.getSide() != null && axis.getSide().isVertical() ? axis.getHeight() : axis.getWidth();
            if (length > 0) {
                measured++;
                Text probe = new Text(axis.getName());
                probe.setFont(axis.getAxisLabel().getFont());
                double need = probe.getLayoutBounds().getWidth();
                if (need > length) {
                    cut.add(String.format(Locale.ROOT, "%s: \"%s\" needs %.0f px, its axis is %.0f px long",
                            where, axis.getName(), need, length));
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : new ArrayList<>(p.getChildrenUnmodifiable())) {
                measured += visit(c, where, cut);
            }
        }
        return measured;
    }
}
