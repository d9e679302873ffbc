package org.rnnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
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
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window in Simplified Chinese, switched to from the toolbar's language menu: on the toolbar
 * (its menus too), the step list, the status bar and every tab of every step, no visible text and
 * no tooltip is English prose.
 * Allowed: the lesson's tokens, numbers, formulas (drawn as images), names (RNN Lab, ND4J, Penn
 * Treebank...), and the corpus's own words and the model's predictions, which stay English (they
 * live in the containers {@link #CORPUS_TEXT} names).
 */
@ExtendWith(ApplicationExtension.class)
class ChineseWalkTest {
    /** Where the corpus's words and the model's predictions are shown: English by nature. */
    private static final List<String> CORPUS_TEXT = List.of("#rawText", "#lowerText", "#sentenceBlocks", "#sentenceTokens",
            "#whitespaceTokens", "#treebankTokens", "#tryTokens", "#exampleBefore", "#exampleAfter", ".table-row-cell",
            "#shiftDiagram", "#sentenceChips", "#topBars", "#prefixTokens", "#predictionBars", "#generatedSentences",
            "#barsA", "#barsB", ".token-chip", "#lessonExample",
            "#contractionsExample", "#leastFrequentWord",
            "#forwardHeatmap", "#lossBars", "#stateStack",
            // the sentence's words in the BPTT tables, and code (the lesson's numpy, the Java reference): as they are
            "#bpttInitialTable", "#bpttCurrentTable", ".code-area-rnnlab");
    /** Words that stay as they are in every language. */
    private static final Pattern ALLOWED = Pattern.compile("SENTENCE_START|SENTENCE_END|UNKNOWN_TOKEN|UNKNOWN|START|END|RNN Lab"
            + "|English|ND4J|Penn|Treebank|reddit|CSV|UTF|NaN|tanh|softmax|log10|float32|float64|Ctrl|Esc|Enter|body"
            + "|\\S+\\.(?:csv|txt|npz)|np\\.random\\.seed|[A-Za-z]+_[A-Za-z0-9{}()+-]+");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{3,}");
    private static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff]");

    private LessonSession session;
    private MainWindow window;
    private Scene scene;

    @Start
    void start(Stage stage) {
        session = new LessonSession();
        WindowWalk.Opened opened = WindowWalk.openInEnglish(stage, session);
        window = opened.window();
        scene = opened.scene();
    }

    @AfterEach
    void tearDown() throws Exception {
        WindowWalk.close(window);
    }

    @Test
    void everyStepInChineseShowsNoEnglishProse() throws Exception {
        ModelSessionFixture.install(session, 30);
        waitFor(60, () -> session.models().model() != null && session.models().matchesCorpusProperty().get()
                && !session.models().loadingProperty().get());
        // results on the steps that compute them, in English first: they must be worded again on the switch
        WindowWalk.clickWhenReady(window, scene, "lossStep", "#computeLoss");
        waitFor(120, () -> !session.work().busyProperty().get() && !WindowWalk.labelText(scene, "#lossExplanation").isEmpty());
        WindowWalk.clickWhenReady(window, scene, "generateStep", "#generateButton");
        waitFor(60, () -> scene.lookup("#generatedSentences") instanceof Parent p && !p.getChildrenUnmodifiable().isEmpty());
        String englishTitle = WindowWalk.labelText(scene, "#nav-lossStep");

        fx(() -> chooseInMenu("language-zh"));
        WindowWalk.settle();
        assertEquals(Language.SIMPLIFIED_CHINESE, I18n.language());
        assertEquals(Language.SIMPLIFIED_CHINESE.nativeName(), ((MenuButton) scene.lookup("#languageMenu")).getText());

        Set<String> failures = new LinkedHashSet<>();
        for (LessonSteps.Entry entry : LessonSteps.ALL) {
            fx(() -> window.select(entry.id()));
            WindowWalk.settle();
            failures.addAll(checkNow(entry.id() + ": "));
            List<TabPane> tabPanes = new ArrayList<>();
            fx(() -> scene.lookup("#stepContent").lookupAll(".tab-pane").forEach(n -> tabPanes.add((TabPane) n)));
            for (TabPane tabs : tabPanes) {
                for (int i = 1; i < tabs.getTabs().size(); i++) {
                    int index = i;
                    fx(() -> tabs.getSelectionModel().select(index));
                    WindowWalk.settle();
                    failures.addAll(checkNow(entry.id() + ", tab " + index + ": "));
                }
                fx(() -> tabs.getSelectionModel().select(0));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " English texts in Chinese:\n" + String.join("\n", failures));

        // and back: the same nodes speak English again, in place
        fx(() -> chooseInMenu("language-en"));
        WindowWalk.settle();
        assertEquals(englishTitle, WindowWalk.labelText(scene, "#nav-lossStep"));
    }

    @Test
    void aLanguageSwitchDuringTrainingKeepsTheRunAndTheChartsPoints() throws Exception {
        ModelSessionFixture.install(session, 30);
        waitFor(60, () -> session.models().model() != null && session.models().matchesCorpusProperty().get()
                && !session.models().loadingProperty().get());
        WindowWalk.clickWhenReady(window, scene, "trainingStep", "#startTraining");
        waitFor(60, () -> session.models().isTraining() && chartPoints() > 0);
        boolean[] training = new boolean[2];
        int[] points = new int[3];
        fx(() -> {
            training[0] = session.models().isTraining();
            points[0] = chartPoints();
            chooseInMenu("language-zh");
            training[1] = session.models().isTraining();
            points[1] = chartPoints();
        });
        WindowWalk.settle();
        fx(() -> points[2] = chartPoints());
        assertTrue(training[0] && training[1], "the run goes on through the switch");
        assertEquals(points[0], points[1], "the switch keeps the chart's points");
        assertTrue(points[2] >= points[0], "no point is lost after the switch: " + points[2] + " < " + points[0]);
        assertEquals(Language.SIMPLIFIED_CHINESE, I18n.language());
        fx(() -> session.training().stop());
        waitFor(60, () -> !session.models().isTraining());
    }

    /** The points of the training chart's data sets (evaluations, held-out losses, smoothed line). */
    private int chartPoints() {
        if (!(scene.lookup("#trainingChart") instanceof io.fair_acc.chartfx.XYChart chart)) {
            return 0;
        }
        int n = 0;
        for (var renderer : chart.getRenderers()) {
            for (var data : renderer.getDatasets()) {
                n += data.getDataCount();
            }
        }
        return n;
    }

    private void chooseInMenu(String id) {
        for (MenuItem item : ((MenuButton) scene.lookup("#languageMenu")).getItems()) {
            if (id.equals(item.getId())) {
                item.fire();
            }
        }
    }

    private List<String> checkNow(String where) throws Exception {
        List<String> found = new ArrayList<>();
        fx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            Set<Node> corpus = new java.util.HashSet<>();
            for (String selector : CORPUS_TEXT) {
                corpus.addAll(scene.getRoot().lookupAll(selector));
            }
            visit(scene.getRoot(), corpus, found, where);
        });
        return found;
    }

    private static void visit(Node node, Set<Node> corpus, List<String> out, String where) {
        if (!node.isVisible() || corpus.contains(node) || node instanceof TextInputControl) {
            return;
        }
        String text = node instanceof Labeled l ? l.getText() : node instanceof Text t ? t.getText() : null;
        String name = node.getClass().getSimpleName() + (node.getId() == null ? "" : " #" + node.getId());
        if (text != null && isEnglishProse(text)) {
            out.add(where + name + ": " + text);
        }
        // what the node says on hovering, and the items of its menu, are words on screen too
        if (node instanceof Control c && c.getTooltip() != null && c.getTooltip().getText() != null
                && isEnglishProse(c.getTooltip().getText())) {
            out.add(where + name + " tooltip: " + c.getTooltip().getText());
        }
        if (node instanceof MenuButton menu && !"languageMenu".equals(menu.getId())) {
            for (MenuItem item : menu.getItems()) {
                if (item.getText() != null && isEnglishProse(item.getText())) {
                    out.add(where + name + " item: " + item.getText());
                }
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                visit(child, corpus, out, where);
            }
        }
    }

    /**
     * Once the allowed names are taken out: Latin words of three letters or more in a line without a
     * Chinese character, or three English words in a row inside a Chinese line (an English phrase that
     * a Chinese sentence carries, such as a message from the engine).
     */
    static boolean isEnglishProse(String text) {
        String rest = ALLOWED.matcher(text).replaceAll(" ");
        if (CJK.matcher(text).find()) {
            return ENGLISH_RUN.matcher(rest).find();
        }
        return LATIN_WORD.matcher(rest).find();
    }

    @Test
    void anEnglishPhraseInsideAChineseLineIsFoundAWordOrAnAllowedNameIsNot() {
        org.junit.jupiter.api.Assertions.assertTrue(isEnglishProse("梯度检验：the model is broken."));
        org.junit.jupiter.api.Assertions.assertTrue(isEnglishProse("Gradient check passed"));
        org.junit.jupiter.api.Assertions.assertFalse(isEnglishProse("词 \"the\" 出现了 12 次"));
        org.junit.jupiter.api.Assertions.assertFalse(isEnglishProse("SENTENCE_START 之后是 UNKNOWN_TOKEN，float32"));
    }

    private static final Pattern ENGLISH_RUN = Pattern.compile("\\b[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,}){2,}\\b");



}
