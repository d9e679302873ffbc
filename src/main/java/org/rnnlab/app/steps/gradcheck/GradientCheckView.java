package org.rnnlab.app.steps.gradcheck;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.rnnlab.app.charts.Heatmap;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.StepPage;
import org.rnnlab.app.steps.StepTexts;
import org.rnnlab.app.support.Theme;
import org.rnnlab.app.widgets.Fields;
import org.rnnlab.app.widgets.NumberField;
import org.rnnlab.app.widgets.Wrapping;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.training.CheckedElement;
import org.rnnlab.training.ParameterVerdict;

/** Gradient check: backpropagation against a numerical estimate, element by element, on the lesson's small model. */
public final class GradientCheckView implements LessonStep {
    private static final String[] EXPLANATION = {I18n.key("bptt.gc.explanation.1"), I18n.key("bptt.gc.explanation.2"),
        I18n.key("bptt.gc.explanation.3"), I18n.key("bptt.gc.explanation.4"), I18n.key("bptt.gc.explanation.5")};
    private static final String LATEX = I18n.key("bptt.gc.formula");

    /** The heat maps redraw at most this often while elements stream in (a redraw costs the checker CPU). */
    private static final long REDRAW_NANOS = 100_000_000L;

    private final GradientCheckViewModel vm;
    private final Node panel;
    private final Map<String, Heatmap> heatmaps = new LinkedHashMap<>();
    private final Set<String> stale = new HashSet<>();
    private final AnimationTimer redraw;
    private long lastRedraw;

    public GradientCheckView(LessonSession session) {
        vm = new GradientCheckViewModel(session.work(), session.notices());

        GradientCheckInputs in = vm.inputs();
        new org.rnnlab.app.widgets.FormMemory(session.memory(), "gradientCheck").keep("wordDim", in.vocabularySize())
                .keep("hiddenDim", in.hiddenSize()).keep("h", in.h()).keep("threshold", in.threshold()).keep("seed", in.seed());
        session.lessonResetsProperty().addListener((o, a, b) -> vm.resetToLesson());
        NumberField c = new NumberField(in.vocabularySize()).setFieldId("gcC");
        NumberField hidden = new NumberField(in.hiddenSize()).setFieldId("gcH");
        NumberField seed = new NumberField(in.seed()).setFieldId("gcSeed").columns(8);
        NumberField h = new NumberField(in.h()).setFieldId("gcStep");
        NumberField threshold = new NumberField(in.threshold()).setFieldId("gcThreshold");
        TextField x = new TextField();
        x.setId("gcX");
        x.setPrefColumnCount(10);
        x.textProperty().bindBidirectional(vm.xProperty());
        TextField y = new TextField();
        y.setId("gcY");
        y.setPrefColumnCount(10);
        y.textProperty().bindBidirectional(vm.yProperty());
        markWhenInvalid(x, vm.xInvalidProperty());
        markWhenInvalid(y, vm.yInvalidProperty());

        Button run = new Button(null, new FontIcon(MaterialDesignP.PLAY));
        run.textProperty().bind(I18n.bind("bptt.gc.run"));
        run.setId("runGradientCheck");
        run.getStyleClass().add(Styles.ACCENT);
        run.disableProperty().bind(vm.runDisabledProperty());
        run.setOnAction(e -> vm.run());
        Button cancel = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        cancel.textProperty().bind(I18n.bind("bptt.gc.cancel"));
        cancel.setId("cancelGradientCheck");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());

        FlowPane form = new FlowPane(10, 8,
                labelled(I18n.key("bptt.gc.field.c"), c), labelled(I18n.key("bptt.gc.field.h"), hidden), Fields.labelled("h", h),
                labelled(I18n.key("bptt.gc.field.threshold"), threshold), Fields.labelled("x", x), Fields.labelled("y", y),
                labelled(I18n.key("bptt.gc.field.seed"), seed));
        BugChoice bugs = new BugChoice(vm.bugProperty());
        Label fieldsProblem = Fields.problemLine(vm.formProblemProperty());
        fieldsProblem.setId("gcInputProblem");
        // the line beside them wraps; the buttons keep their words (at 18 px they had shrunk to "..." beside a long line)
        run.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, run, cancel, fieldsProblem);

        HBox cards = new HBox(10);
        for (String p : GradientCheckViewModel.PARAMETERS) {
            VBox card = parameterCard(vm.state(p));
            HBox.setHgrow(card, Priority.ALWAYS);
            card.setMaxWidth(Double.MAX_VALUE);
            card.setPrefWidth(200);
            cards.getChildren().add(card);
        }

        Label summary = Wrapping.wrap(new Label());
        summary.setId("gcSummary");
        summary.getStyleClass().add("lm-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setPrefHeight(Region.USE_COMPUTED_SIZE);

        TabPane tabs = new TabPane();
        tabs.setId("gcTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (String p : GradientCheckViewModel.PARAMETERS) {
            Heatmap map = new Heatmap(I18n.text("bptt.gc.heatmap.column"), I18n.text("bptt.gc.heatmap.row"),
                    I18n.text("bptt.gc.heatmap.scale"));
            map.node().setId("gcHeatmap" + p);
            map.setColourScale(v -> Double.isNaN(v) ? Double.NaN : Math.log10(Math.max(v, 1e-12)));
            map.setColourRange(-12, 0);
            String name = p;
            map.setCellText((r, col, v) -> Double.isNaN(v)
                    ? I18n.text("bptt.gc.cell.unchecked", name, r, col)
                    : v > vm.thresholdProperty().get()
                    ? I18n.text("bptt.gc.cell.fails", name, r, col, String.format(Locale.ROOT, "%.3e", v))
                    : I18n.text("bptt.gc.cell.error", name, r, col, String.format(Locale.ROOT, "%.3e", v)));
            heatmaps.put(p, map);
            Tab tab = new Tab(null, map.node());
            tab.textProperty().bind(I18n.bind("bptt.gc.tab.errors", p));
            tabs.getTabs().add(tab);
        }
        Tab all = new Tab(null, table());
        all.textProperty().bind(I18n.bind("bptt.gc.tab.all"));
        tabs.getTabs().add(all);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        // Room for a heatmap and its colour scale's name at any text size; the page scrolls for it.
        tabs.minHeightProperty().bind(Theme.fontSizeProperty().multiply(19));

        VBox content = new VBox(10, form, bugs, buttons, cards, summary, tabs);
        content.setPadding(new Insets(0, 4, 4, 0));
        Object[] numbers = {LessonDefaults.GRADCHECK_THRESHOLD, LessonDefaults.GRADCHECK_WORD_DIM,
            LessonDefaults.GRADCHECK_HIDDEN_DIM, LessonDefaults.SEED};
        BorderPane page = StepPage.build("gradientCheckStep", I18n.text("bptt.gc.title"), StepTexts.now(EXPLANATION, numbers),
                LATEX, content);
        StepTexts.bind(page, I18n.key("bptt.gc.title"), EXPLANATION, numbers);
        panel = page;

        redraw = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (now - lastRedraw > REDRAW_NANOS) {
                    lastRedraw = now;
                    redrawStale();
                    stop();
                }
            }
        };
        for (String p : GradientCheckViewModel.PARAMETERS) {
            vm.state(p).revisionProperty().addListener((o, a, b) -> {
                stale.add(p);
                redraw.start();
            });
            stale.add(p);
        }
        redrawStale();
    }

    public GradientCheckViewModel viewModel() {
        return vm;
    }

    /** Fields.labelled with its caption following the language. */
    private static Node labelled(String key, Node field) {
        VBox box = Fields.labelled("", field);
        ((Label) box.getChildren().get(0)).textProperty().bind(I18n.bind(key));
        return box;
    }

    private VBox parameterCard(ParameterState st) {
        Label title = new Label();
        title.getStyleClass().add("card-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            int[] s = GradientCheckViewModel.shape(st.name(), vm.vocabularySizeProperty().get(), vm.hiddenSizeProperty().get());
            return String.format(Locale.ROOT, "%s  (%d × %d)", st.name(), s[0], s[1]);
        }, vm.vocabularySizeProperty(), vm.hiddenSizeProperty()));
        ProgressBar bar = new ProgressBar(0);
        bar.setId("gcProgress" + st.name());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(Bindings.createDoubleBinding(
                () -> st.totalProperty().get() == 0 ? 0 : (double) st.doneProperty().get() / st.totalProperty().get(),
                st.doneProperty(), st.totalProperty()));
        Label count = new Label();
        count.getStyleClass().add("stat-caption");
        Wrapping.wrap(count); // "1,000 of 1,000 elements" in a third of the row at large text
        count.textProperty().bind(I18n.bind("bptt.gc.count", st.doneProperty(), st.totalProperty()));
        Label verdict = Wrapping.wrap(new Label());
        verdict.setId("gcVerdict" + st.name());
        verdict.textProperty().bind(Bindings.createStringBinding(() -> {
            ParameterVerdict v = st.verdictProperty().get();
            return v == null ? st.statusProperty().get() : GradientCheckViewModel.lessonPrint(v);
        }, st.verdictProperty(), st.statusProperty()));
        st.verdictProperty().addListener((o, a, v) -> {
            verdict.getStyleClass().removeAll("verdict-passed", "verdict-failed", "lesson-print");
            if (v != null) {
                verdict.getStyleClass().add(v.passed() ? "verdict-passed" : "verdict-failed");
                if (!v.passed()) {
                    verdict.getStyleClass().add("lesson-print");
                }
            }
        });
        VBox card = new VBox(6, title, bar, count, verdict);
        card.getStyleClass().add("card");
        return card;
    }

    private Node table() {
        TableView<CheckedElement> table = new TableView<>(vm.elements());
        table.setId("gcTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Widths in em, wide enough for "-2.145074e-01" and the "parameter" header whole (at 6.8 em it was cut when
        // the table, its vertical scroll bar shown, had no width to spare): they follow the text size.
        table.getColumns().add(em(column(I18n.key("bptt.gc.column.parameter"), e -> e.parameter()), 7.6));
        table.getColumns().add(em(column(I18n.key("bptt.gc.column.index"), e -> "(" + e.row() + ", " + e.column() + ")"), 5.3));
        table.getColumns().add(em(column(I18n.key("bptt.gc.column.backprop"), e -> String.format(Locale.ROOT, "%.6e", e.backprop())), 8.6));
        table.getColumns().add(em(column(I18n.key("bptt.gc.column.estimate"), e -> String.format(Locale.ROOT, "%.6e", e.estimate())), 8.6));
        table.getColumns().add(em(column(I18n.key("bptt.gc.column.relativeError"), e -> String.format(Locale.ROOT, "%.3e", e.relativeError())), 8.6));
        table.getColumns().add(em(column("", e -> e.passed() ? "ok" : "FAIL"), 3.6));
        Label placeholder = new Label();
        placeholder.textProperty().bind(I18n.bind("bptt.gc.table.placeholder"));
        table.setPlaceholder(placeholder);
        return table;
    }

    private static TableColumn<CheckedElement, String> em(TableColumn<CheckedElement, String> c, double ems) {
        c.minWidthProperty().bind(Theme.fontSizeProperty().multiply(ems));
        c.prefWidthProperty().bind(Theme.fontSizeProperty().multiply(ems));
        return c;
    }

    private static TableColumn<CheckedElement, String> column(String name, java.util.function.Function<CheckedElement, String> f) {
        TableColumn<CheckedElement, String> c = new TableColumn<>();
        if (!name.isEmpty()) {
            c.textProperty().bind(I18n.bind(name));
        }
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private void redrawStale() {
        for (String p : stale) {
            double[][] m = vm.state(p).relativeErrors();
            heatmaps.get(p).setData(labels(m.length), labels(m.length == 0 ? 0 : m[0].length), m);
        }
        stale.clear();
    }

    private static List<String> labels(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }

    @Override
    public void dispose() {
        redraw.stop();
        vm.cancel();
    }

    @Override
    public Node getPanel() {
        return panel;
    }

    /** The field in the theme's danger colour while what it holds cannot be checked (the line beside Run says why). */
    private static void markWhenInvalid(TextField field, javafx.beans.value.ObservableBooleanValue invalid) {
        field.pseudoClassStateChanged(Styles.STATE_DANGER, invalid.get());
        invalid.addListener((o, was, now) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, now));
    }
}
