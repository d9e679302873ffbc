package org.rnnlab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.session.ModelSessionFixture;
import org.rnnlab.app.steps.LessonSteps;
import org.rnnlab.app.support.Theme;
import org.rnnlab.common.SampleFiles;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Projector mode: every step at 1280x800, light and dark, at the default text size, two sizes
 * up and four up (14, 18 and 22 px). No label may show less than its text (an ellipsis where the
 * text has none), no node may lie outside the window (a ScrollPane's content is judged by the ScrollPane), no step page may need
 * to scroll sideways, and no tab header may be hidden behind its pane's overflow menu. Inside
 * scroll panes, nothing spills out of its pane or is cut by its tab pane, nothing larger than
 * its view lacks a scroll bar, no control is squeezed; reference lines keep a 3:1 contrast with the background.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutWalkTest {
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;
    /** Pixels a node may reach past the window's edge (rounding of snapped layouts). */
    private static final double SLACK = 1.5;

    private LessonSession session;
    private MainWindow window;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Theme.darkProperty().set(false);
        Theme.fontSizeProperty().set(Theme.DEFAULT_FONT);
        Theme.apply();
        session = new LessonSession();
        window = new MainWindow(session);
        scene = RnnLabApp.scene(window, WIDTH, HEIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> window.dispose());
        fx(() -> {
            Theme.darkProperty().set(false);
            Theme.fontSizeProperty().set(Theme.DEFAULT_FONT);
            Theme.apply();
        });
        FxToolkit.cleanupStages();
    }

    @Test
    void everyStepFitsLightAndDarkAtThreeTextSizes() throws Exception {
        ModelSessionFixture.install(session, 30);
        waitFor(60, () -> session.models().model() != null && session.models().matchesCorpusProperty().get()
                && !session.models().loadingProperty().get());
        produceResults();
        List<String> failures = walk(LessonSteps.ALL.stream().map(LessonSteps.Entry::id).toList());
        assertTrue(failures.isEmpty(), failures.size() + " layout failures:\n" + String.join("\n", failures));
    }

    /** The sample corpus's long words and big numbers, on the steps that show the corpus itself. */
    @Test
    @SuppressWarnings("unchecked")
    void theSampleCorpusFitsTheTextSteps() throws Exception {
        fx(() -> session.corpus().open(SampleFiles.corpus()));
        waitFor(120, () -> session.corpus().preparedProperty().getValue() != null && !session.work().busyProperty().get());
        // The longest sentence: its pair of rows needs the training data step's sideways scroll bar.
        int[] pick = new int[1];
        fx(() -> {
            var data = session.corpus().preparedProperty().getValue();
            int longest = 0;
            for (int i = 0; i < data.size(); i++) {
                if (data.length(i) > data.length(longest)) {
                    longest = i;
                }
            }
            window.select("trainingDataStep");
            pick[0] = longest + 1;
        });
        WindowWalk.settle();
        fx(() -> {
            javafx.scene.control.TextField field = (javafx.scene.control.TextField) scene.lookup("#sentenceSpinner");
            field.setText(Integer.toString(pick[0]));
            field.fireEvent(new javafx.event.ActionEvent()); // Enter: the field commits the number
        });
        // the status bar at its fullest: a long job under way, with its progress bar and Cancel (the drawing
        // of U at C 8,000): the corpus and the engine beside it stay whole at every text size, the message gives way
        java.util.concurrent.CountDownLatch walked = new java.util.concurrent.CountDownLatch(1);
        fx(() -> session.work().submit(org.rnnlab.app.i18n.I18n.text("app.data.drawingWork", 100, 8000), job -> {
            job.progress().progress(1, 2, org.rnnlab.app.i18n.I18n.text("app.data.drawingWork", 100, 8000));
            return walked.await(120, java.util.concurrent.TimeUnit.SECONDS);
        }, ok -> { }, null));
        waitFor(20, () -> session.work().progressProperty().get() > 0);
        List<String> failures = walk(List.of("corpusStep", "vocabularyStep", "trainingDataStep", "dimensionsStep"));
        walked.countDown();
        assertTrue(failures.isEmpty(), failures.size() + " layout failures:\n" + String.join("\n", failures));
    }

    private List<String> walk(List<String> steps) throws Exception {
        Set<String> failures = new LinkedHashSet<>();
        for (boolean dark : new boolean[] {false, true}) {
            for (double font : new double[] {Theme.DEFAULT_FONT, Theme.DEFAULT_FONT + 2 * Theme.FONT_STEP, Theme.DEFAULT_FONT + 4 * Theme.FONT_STEP}) {
                fx(() -> {
                    Theme.darkProperty().set(dark);
                    Theme.apply();
                    Theme.fontSizeProperty().set(font);
                });
                for (String step : steps) {
                    fx(() -> window.select(step));
                    WindowWalk.settle();
                    String where = String.format(Locale.ROOT, "%s, %s, %.0fpx: ", step, dark ? "dark" : "light", font);
                    failures.addAll(checkNow(where));
                    // Every tab of the step too (the first one was just checked).
                    WindowWalk.otherTabs(scene, tab -> failures.addAll(checkNow(where + "tab \"" + tab + "\": ")));
                }
            }
        }
        return new ArrayList<>(failures);
    }

    /**
     * The checks now, and again after a moment if they found something: only what lasts counts. A
     * ChartFX marker label was once seen cut ("10..." of "100.0%") just after the text size changed,
     * once in about ten walks; the chart sizes its labels in its own layout, a pulse or two later.
     */
    private List<String> checkNow(String where) throws Exception {
        List<String> found = new ArrayList<>();
        fx(() -> found.addAll(check(where)));
        if (found.isEmpty()) {
            return found;
        }
        WindowWalk.settle();
        List<String> again = new ArrayList<>();
        fx(() -> again.addAll(check(where)));
        return again;
    }

    /** Runs what fills the steps with results: the gradient check, the loss, generated sentences, a training run. */
    private void produceResults() throws Exception {
        WindowWalk.clickWhenReady(window, scene, "gradientCheckStep", "#runGradientCheck");
        waitFor(240, () -> WindowWalk.labelText(scene, "#gcSummary").length() > 0 && !session.work().busyProperty().get());
        WindowWalk.clickWhenReady(window, scene, "lossStep", "#computeLoss");
        waitFor(120, () -> !session.work().busyProperty().get());
        WindowWalk.clickWhenReady(window, scene, "generateStep", "#generateButton");
        waitFor(60, () -> scene.lookup("#generatedSentences") instanceof Parent p && !p.getChildrenUnmodifiable().isEmpty());
        WindowWalk.clickWhenReady(window, scene, "trainingStep", "#startTraining");
        waitFor(60, () -> session.models().isTraining());
        waitFor(300, () -> !session.models().isTraining());
    }




    // ------------------------------------------------------------------ the checks

    private List<String> check(String where) {
        List<String> out = new ArrayList<>();
        Parent root = scene.getRoot();
        root.applyCss();
        root.layout();
        visit(root, out, where);
        referenceLines(root, out, where);
        if (scene.lookup("#stepScroll") instanceof ScrollPane page && page.getContent() instanceof Parent content) {
            double need = content.minWidth(-1);
            double room = page.getViewportBounds().getWidth();
            if (need > room + SLACK) {
                out.add(where + String.format(Locale.ROOT, "the page needs %.0f px but has %.0f: it scrolls sideways (widest: %s)",
                        need, room, widest(content)));
            }
        }
        return out;
    }

    private void visit(Node node, List<String> out, String where) {
        if (!node.isVisible()) {
            return;
        }
        Bounds b = node.localToScene(node.getLayoutBounds());
        if (b.getWidth() > 0 && b.getHeight() > 0 && (b.getMinX() < -SLACK || b.getMinY() < -SLACK
                || b.getMaxX() > WIDTH + SLACK || b.getMaxY() > HEIGHT + SLACK)) {
            out.add(where + "outside the window: " + describe(node) + String.format(Locale.ROOT, " at [%.0f, %.0f]-[%.0f, %.0f]",
                    b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()));
            return;   // its children are outside too: report the outermost node only
        }
        if (node instanceof Labeled l) {
            String cut = truncation(l);
            if (cut != null) {
                out.add(where + "cut: " + describe(node) + " shows \"" + cut + "\" of \"" + l.getText() + "\"");
            }
        }
        if (node instanceof TabPane tabs) {
            checkTabHeaders(tabs, out, where);
        }
        if (node instanceof ScrollPane || node.getClip() != null) {
            if (node instanceof ScrollPane sp && sp.getContent() instanceof Parent content) {
                overflow(content, out, where);
            }
            // Scrolled or clipped content may lie past the window; the pane itself was judged.
            // Still look for cut labels inside, which scrolling does not bring back.
            if (node instanceof Parent p) {
                p.getChildrenUnmodifiable().forEach(c -> labelsOnly(c, out, where));
            }
            return;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                visit(child, out, where);
            }
        }
    }

    /**
     * Inside a scroll pane nothing is outside the window, but a pane smaller than its content
     * still cuts it off or draws it over its neighbours (and the scroll pane, misled by the
     * pane's size, offers no way to it): a child of a layout pane must lie within the pane.
     */
    private void overflow(Node node, List<String> out, String where) {
        if (!node.isVisible() || node instanceof io.fair_acc.chartfx.Chart || node instanceof javafx.scene.control.Control
                && !(node instanceof javafx.scene.control.ScrollPane) && !(node instanceof TabPane)) {
            return;   // controls and charts lay out their own insides (and clip what they must)
        }
        if (node instanceof ScrollPane sp) {
            if (sp.getContent() instanceof Parent content) {
                // Content larger than the view needs a scroll bar that way: without one (a policy
                // of NEVER, a pane misled by its content's size), the rest is out of reach.
                Bounds view = sp.getViewportBounds();
                Bounds inner = content.getLayoutBounds();
                if (inner.getHeight() > view.getHeight() + SLACK && !barShown(sp, javafx.geometry.Orientation.VERTICAL)
                        || inner.getWidth() > view.getWidth() + SLACK && !barShown(sp, javafx.geometry.Orientation.HORIZONTAL)) {
                    out.add(where + String.format(Locale.ROOT, "cut by its scroll pane, which shows no scroll bar for it: %s is %.0f x %.0f in %.0f x %.0f",
                            describe(content), inner.getWidth(), inner.getHeight(), view.getWidth(), view.getHeight()));
                }
                overflow(content, out, where);
            }
            return;
        }
        if (node instanceof TabPane tabs) {
            if (tabs.getSelectionModel().getSelectedItem() != null
                    && tabs.getSelectionModel().getSelectedItem().getContent() instanceof Parent content) {
                // a tab pane clips its tabs: content taller than the room it was given is cut, unseen
                Bounds inside = tabs.localToScene(tabs.getLayoutBounds());
                Bounds b = content.localToScene(content.getLayoutBounds());
                if (b.getMaxY() > inside.getMaxY() + SLACK) {
                    out.add(where + String.format(Locale.ROOT, "cut by its tab pane: %s reaches %.0f, the tabs end at %.0f",
                            describe(content), b.getMaxY(), inside.getMaxY()));
                }
                overflow(content, out, where);
            }
            return;
        }
        if (!(node instanceof javafx.scene.layout.Pane pane) || node.getClip() != null
                || node instanceof javafx.scene.text.TextFlow) {
            return;   // a text flow's lines keep their trailing spaces past its edge, unseen
        }
        Bounds inside = pane.localToScene(pane.getLayoutBounds());
        for (Node child : pane.getChildrenUnmodifiable()) {
            if (!child.isManaged() || !child.isVisible()) {
                continue;
            }
            Bounds b = child.localToScene(child.getLayoutBounds());
            if (b.getWidth() > 0 && b.getHeight() > 0 && (b.getMinX() < inside.getMinX() - SLACK
                    || b.getMinY() < inside.getMinY() - SLACK || b.getMaxX() > inside.getMaxX() + SLACK
                    || b.getMaxY() > inside.getMaxY() + SLACK)) {
                out.add(where + "spills out of its pane: " + describe(child) + String.format(Locale.ROOT,
                        " at [%.0f, %.0f]-[%.0f, %.0f], its %s at [%.0f, %.0f]-[%.0f, %.0f]", b.getMinX(), b.getMinY(),
                        b.getMaxX(), b.getMaxY(), describe(pane), inside.getMinX(), inside.getMinY(), inside.getMaxX(), inside.getMaxY()));
                continue;
            }
            if (child instanceof javafx.scene.control.Control c && squeezable(c) && c.getHeight() + SLACK < c.prefHeight(c.getWidth())) {
                out.add(where + String.format(Locale.ROOT, "squeezed: %s is %.0f px high of the %.0f it needs",
                        describe(c), c.getHeight(), c.prefHeight(c.getWidth())));
                continue;
            }
            overflow(child, out, where);
        }
    }

    /**
     * Reference lines (ln C, 1/C, the current C) stand out from the window's background in both
     * themes: a contrast of at least 3:1, what a chart's lines need to be seen (WCAG 1.4.11).
     */
    private static void referenceLines(Parent root, List<String> out, String where) {
        if (!(root.lookup(".root") instanceof javafx.scene.layout.Region r) || r.getBackground() == null
                || r.getBackground().getFills().isEmpty() || !(r.getBackground().getFills().get(0).getFill() instanceof javafx.scene.paint.Color bg)) {
            out.add(where + "the window has no background colour to judge the reference lines against");
            return;
        }
        List<Node> lines = new ArrayList<>(root.lookupAll(".value-indicator-line"));
        lines.addAll(root.lookupAll(".lm-chance"));
        for (Node n : lines) {
            if (!n.isVisible() || n.getScene() == null || !isShowing(n)) {
                continue;
            }
            javafx.scene.paint.Paint paint = n instanceof javafx.scene.shape.Shape shape ? shape.getStroke()
                    : n instanceof javafx.scene.layout.Region region && region.getBackground() != null
                            && !region.getBackground().getFills().isEmpty() ? region.getBackground().getFills().get(0).getFill() : null;
            if (!(paint instanceof javafx.scene.paint.Color c)) {
                continue;
            }
            double alpha = c.getOpacity() * n.getOpacity();
            javafx.scene.paint.Color seen = new javafx.scene.paint.Color(c.getRed() * alpha + bg.getRed() * (1 - alpha),
                    c.getGreen() * alpha + bg.getGreen() * (1 - alpha), c.getBlue() * alpha + bg.getBlue() * (1 - alpha), 1);
            double ratio = contrast(seen, bg);
            if (ratio < 3) {
                out.add(where + String.format(Locale.ROOT, "a reference line hardly shows: %s in %s on %s, contrast %.2f:1",
                        describe(n), seen, bg, ratio));
            }
        }
    }

    private static boolean isShowing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static double contrast(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(javafx.scene.paint.Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static boolean barShown(ScrollPane sp, javafx.geometry.Orientation orientation) {
        return sp.getChildrenUnmodifiable().stream().anyMatch(n -> n instanceof javafx.scene.control.ScrollBar b
                && b.getOrientation() == orientation && b.isVisible());
    }

    /** Controls that show less when they are lower than they ask (a button, a bar, a line of text); not lists and panes that scroll. */
    private static boolean squeezable(javafx.scene.control.Control c) {
        return !(c instanceof ScrollPane || c instanceof TabPane || c instanceof javafx.scene.control.TableView
                || c instanceof javafx.scene.control.ListView || c instanceof javafx.scene.control.TextArea
                || c instanceof javafx.scene.control.TreeView);
    }

    private void labelsOnly(Node node, List<String> out, String where) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l) {
            String cut = truncation(l);
            if (cut != null) {
                out.add(where + "cut: " + describe(node) + " shows \"" + cut + "\" of \"" + l.getText() + "\"");
            }
        }
        if (node instanceof TabPane tabs) {
            checkTabHeaders(tabs, out, where);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                labelsOnly(child, out, where);
            }
        }
    }

    /** The text a Labeled shows when it differs from its text (an ellipsis, a clipped line), else null. */
    private static String truncation(Labeled l) {
        String text = l.getText();
        if (text == null || text.isEmpty() || l.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY || l.getWidth() <= 0) {
            return null;
        }
        if (l.getStyleClass().contains("status-label") && statusBarOf(l) instanceof org.controlsfx.control.StatusBar bar
                && bar.getTooltip() != null && text.equals(bar.getTooltip().getText())) {
            return null; // the background work's message may give way: the bar's tooltip shows it whole
        }
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && child.getClass().getSimpleName().equals("LabeledText")) {
                String s = shown.getText();
                return s.equals(text) || !shown.isVisible() && s.isEmpty() ? null : s;
            }
        }
        return null;
    }

    private static Node statusBarOf(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof org.controlsfx.control.StatusBar) {
                return p;
            }
        }
        return null;
    }

    /** A tab header that does not fit is hidden behind the pane's menu button: its title is cut. */
    private static void checkTabHeaders(TabPane tabs, List<String> out, String where) {
        Node area = tabs.lookup(".tab-header-area");
        if (area == null) {
            return;
        }
        double limit = area.localToScene(area.getLayoutBounds()).getMaxX();
        Node menu = area.lookup(".control-buttons-tab");
        if (menu != null && menu.isVisible() && menu.getLayoutBounds().getWidth() > 0) {
            limit = menu.localToScene(menu.getLayoutBounds()).getMinX();
        }
        for (Node tab : area.lookupAll(".tab")) {
            Bounds b = tab.localToScene(tab.getLayoutBounds());
            if (b.getMaxX() > limit + SLACK) {
                String title = tab.lookup(".tab-label") instanceof Labeled l ? l.getText() : "?";
                out.add(where + "tab header \"" + title + "\" of " + describe(tabs) + " does not fit its pane");
            }
        }
    }

    private static String widest(Parent content) {
        Node widest = content;
        double w = 0;
        for (Node n : content.getChildrenUnmodifiable()) {
            if (n.minWidth(-1) > w) {
                w = n.minWidth(-1);
                widest = n;
            }
        }
        return describe(widest) + String.format(Locale.ROOT, " min %.0f px", w);
    }

    private static String describe(Node node) {
        StringBuilder s = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            s.append('#').append(node.getId());
        }
        if (!node.getStyleClass().isEmpty()) {
            s.append('.').append(String.join(".", node.getStyleClass()));
        }
        if (node instanceof Labeled l && l.getText() != null) {
            s.append(" \"").append(l.getText().length() > 40 ? l.getText().substring(0, 40) + "..." : l.getText()).append('"');
        }
        // The nearest ancestor with an id says where on the page the node is.
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                s.append(" in #").append(p.getId());
                break;
            }
        }
        return s.toString();
    }
}
