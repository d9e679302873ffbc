package org.rnnlab.app;

import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import org.testfx.util.WaitForAsyncUtils;

/** What the window walks (layout, input, languages) do alike: go to a step, press its button, read a label. */
final class WindowWalk {
    private WindowWalk() {
    }

    /** A window a walk opened, on its stage. */
    record Opened(MainWindow window, javafx.scene.Scene scene) {
    }

    /**
     * Opens the app's window for {@code session} on {@code stage} at 1280x800, in English, forced by the
     * language property so that switching in the menu leaves no preference behind for other tests, and
     * with the theme applied as the app does (the steps' colours are the theme's looked-up ones).
     */
    static Opened openInEnglish(javafx.stage.Stage stage, org.rnnlab.app.session.LessonSession session) {
        System.setProperty(org.rnnlab.app.i18n.LanguagePreference.PROPERTY, "en");
        org.rnnlab.app.i18n.I18n.setLanguage(org.rnnlab.app.i18n.Language.ENGLISH);
        MainWindow window = new MainWindow(session);
        org.rnnlab.app.support.Theme.apply();
        javafx.scene.Scene scene = RnnLabApp.scene(window, 1280, 800);
        stage.setScene(scene);
        stage.show();
        return new Opened(window, scene);
    }

    /** Closes what {@link #openInEnglish} opened, the language back to English and its property cleared. */
    static void close(MainWindow window) throws Exception {
        fx(() -> {
            org.rnnlab.app.i18n.I18n.setLanguage(org.rnnlab.app.i18n.Language.ENGLISH);
            window.dispose();
        });
        System.clearProperty(org.rnnlab.app.i18n.LanguagePreference.PROPERTY);
        org.testfx.api.FxToolkit.cleanupStages();
    }

    /** Shows {@code step} and presses {@code button} there once it is enabled. */
    static void clickWhenReady(MainWindow window, Scene scene, String step, String button) throws Exception {
        fx(() -> window.select(step));
        waitFor(60, () -> scene.lookup(button) instanceof ButtonBase b && !b.isDisabled());
        fx(() -> ((ButtonBase) scene.lookup(button)).fire());
    }

    /** The text of the labelled node {@code id}, or "" (call on the FX thread). */
    static String labelText(Scene scene, String id) {
        return scene.lookup(id) instanceof Labeled l && l.getText() != null ? l.getText() : "";
    }

    /** What a walk does on a tab it has just opened; {@code tab} is the tab's title. */
    interface OnTab {
        void at(String tab) throws Exception;
    }

    /**
     * Opens every tab of the step on show but the first (which the walk has just seen), in each of its
     * tab panes, lets it settle, and calls {@code onTab} there; then opens each pane's first tab again.
     */
    static void otherTabs(Scene scene, OnTab onTab) throws Exception {
        java.util.List<javafx.scene.control.TabPane> panes = new java.util.ArrayList<>();
        fx(() -> scene.lookup("#stepContent").lookupAll(".tab-pane").forEach(n -> panes.add((javafx.scene.control.TabPane) n)));
        for (javafx.scene.control.TabPane tabs : panes) {
            for (int i = 1; i < tabs.getTabs().size(); i++) {
                int index = i;
                fx(() -> tabs.getSelectionModel().select(index));
                settle();
                onTab.at(tabs.getTabs().get(index).getText());
            }
            fx(() -> tabs.getSelectionModel().select(0));
        }
    }

    /** Two pulses for CSS and layout, then ChartFX's own deferred layout. */
    static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(120);
        }
    }
}
