package org.rnnlab.app.steps.training;

import org.rnnlab.app.i18n.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.rnnlab.app.charts.Heatmap;
import org.rnnlab.app.charts.ProbabilityBars;
import org.rnnlab.app.widgets.Wrapping;
import org.rnnlab.training.TrainingEvent;

/**
 * The probe sentence over training: a heatmap of p(true next word) with training progress across
 * and the sentence's words down, on a log scale from 1/C (knows nothing) to 1; beside it the
 * latest probe's bars, each with the model's own top guess.
 */
final class ProbeHeatmap extends VBox {
    private final ProbeStream probe;
    private final LiveControls live;
    private final Heatmap heatmap = new Heatmap("", "", "");
    private final ProbabilityBars bars = new ProbabilityBars();
    private final Label title = new Label();
    // two lines from the start, as a probe's line takes at 1280x800 (more when it needs them)
    private final Label latest = org.rnnlab.app.widgets.TextRoom.label(2);
    private final VBox side = new VBox(4);
    private long shown = -1;

    ProbeHeatmap(ProbeStream probe, LiveControls live) {
        super(4);
        this.probe = probe;
        this.live = live;
        title.getStyleClass().add("card-title");
        Wrapping.wrap(title);
        title.textProperty().bind(I18n.bind("training.probe.title"));
        heatmap.chart().getXAxis().nameProperty().bind(I18n.bind("training.probe.x"));
        heatmap.chart().getYAxis().nameProperty().bind(I18n.bind("training.probe.y"));
        heatmap.chart().getAxes().get(2).nameProperty().bind(I18n.bind("training.probe.z"));
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        latest.getStyleClass().add("muted");
        heatmap.setColourScale(p -> Math.log10(Math.max(p, 1e-12)));
        heatmap.chart().setId("probeHeatmap");
        // the rows are the probe's words: each one named, with room for a default probe's (at most 15 words and
        // SENTENCE_END) kept from the start, so that the first probe does not move the page while training runs
        heatmap.labelEveryCell(true, false);
        heatmap.setPreferredRows(org.rnnlab.app.session.TrainingControl.PROBE_MAX_WORDS + 1);
        // upright labels: turned ones take a third of the chart's height
        ((io.fair_acc.chartfx.axes.spi.DefaultNumericAxis) heatmap.chart().getXAxis()).getTickLabelStyle().setRotate(0);
        heatmap.setCellText((r, c, v) -> {
            List<ProbeStream.Column> cols = probe.columns();
            int[] w = probe.words();
            return c < cols.size() && w != null ? I18n.text("training.probe.cell", cols.get(c).examplesSeen(), live.word(w[r + 1]),
                    String.format(Locale.ROOT, "%.4g", v)) : " ";
        });
        bars.setId("probeBars");
        // rows for a probe of up to 40 words made now, with the step, not at the first probe while training runs
        bars.keepRoomFor(org.rnnlab.app.session.TrainingControl.PROBE_MAX_WORDS); // a default probe's bars move nothing
        bars.reserveRows(40, true);
        Label barsTitle = new Label();
        barsTitle.textProperty().bind(I18n.bind("training.probe.bars"));
        barsTitle.getStyleClass().add("card-title");
        Wrapping.wrap(barsTitle);
        side.getChildren().setAll(barsTitle, bars);
        side.getStyleClass().add("card");
        side.setPadding(new Insets(6));
        side.setMinWidth(0);
        getChildren().setAll(title, latest, heatmap.node());
        getStyleClass().add("card");
        setPadding(new Insets(6));
    }

    /** The texts are written anew in the new language. */
    private final javafx.beans.InvalidationListener relabel = o -> {
        shown = -1;
        refresh();
    };

    /** Redraws when a probe came in since the last time. */
    void refresh() {
        if (probe.revision() == shown) {
            return;
        }
        shown = probe.revision();
        int[] words = probe.words();
        List<ProbeStream.Column> cols = probe.columns();
        if (words == null || cols.isEmpty()) {
            heatmap.setData(List.of(), List.of(), new double[0][0]);
            bars.setBars(List.of());
            latest.setText(I18n.text("training.probe.waiting"));
            return;
        }
        double uniform = live.uniform();
        heatmap.setColourRange(Double.isFinite(uniform) ? Math.log10(uniform) : Double.NaN, 0);
        List<String> rows = new ArrayList<>();
        for (int t = 1; t < words.length; t++) {
            rows.add(live.word(words[t]));
        }
        List<String> columns = new ArrayList<>();
        for (ProbeStream.Column c : cols) {
            columns.add(String.format(Locale.ROOT, "%,d", c.examplesSeen()));
        }
        heatmap.setData(rows, columns, probe.matrix());
        TrainingEvent.Probe p = probe.latest();
        List<ProbabilityBars.Bar> list = new ArrayList<>();
        for (int t = 0; t < p.p().length; t++) {
            boolean right = p.top()[t] == words[t + 1];
            list.add(new ProbabilityBars.Bar(words[t + 1], live.word(words[t + 1]), p.p()[t], right,
                    right ? I18n.text("training.probe.topGuess")
                            : I18n.text("training.probe.top", live.word(p.top()[t]), String.format(Locale.ROOT, "%.1f%%", 100 * p.topP()[t]))));
        }
        bars.setBars(list);
        StringBuilder sentence = new StringBuilder();
        for (int t = 1; t < words.length - 1; t++) {
            sentence.append(t > 1 ? " " : "").append(live.word(words[t]));
        }
        latest.setText(I18n.text("training.probe.latest", sentence.toString(), p.loss(), cols.get(cols.size() - 1).examplesSeen()));
    }

    /** The latest probe's bars, in a card of their own (placed beside the check chart). */
    VBox bars() {
        return side;
    }

    /** Columns the stream holds, for tests. */
    int columns() {
        return probe.columns().size();
    }

    /** Whether the panels show the stream's latest probe (not an earlier one), for tests. */
    boolean drawnUpToDate() {
        return shown == probe.revision();
    }

    Heatmap heatmap() {
        return heatmap;
    }
}
