package org.rnnlab.app.steps.bptt;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rnnlab.app.charts.LogBars;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.widgets.Wrapping;
import org.rnnlab.engine.DeltaFlow;

/**
 * One model's side of the comparison: the delta's norm per lag as bars on a log scale, what drives
 * it (W's largest singular value, the tanh derivative), the error truncation causes, and a table
 * of each earlier word's share of dL_t/dW and dL_t/dU. What truncation cuts is greyed out.
 */
final class FlowColumn extends VBox {
    private final LogBars bars = new LogBars();
    private final GridPane table = new GridPane();
    private final SimpleObjectProperty<Object> sigma = new SimpleObjectProperty<>("-");
    private final SimpleObjectProperty<Object> errorW = new SimpleObjectProperty<>("-");
    private final SimpleObjectProperty<Object> errorU = new SimpleObjectProperty<>("-");
    private final SimpleObjectProperty<Object> tanh = new SimpleObjectProperty<>("-");

    FlowColumn(String id, Label title) {
        super(8);
        setId(id);
        title.getStyleClass().add(Styles.TITLE_4);
        Wrapping.wrap(title);
        bars.setId(id + "Bars");
        Label axis = wrapping(id + "Axis");
        axis.textProperty().bind(I18n.bind("bptt.chart.axis"));
        axis.getStyleClass().add(Styles.TEXT_MUTED);
        Label drivers = wrapping(id + "Drivers");
        drivers.textProperty().bind(I18n.bind("bptt.drivers", sigma, tanh));
        Label error = wrapping(id + "Error");
        error.textProperty().bind(I18n.bind("bptt.truncation.error", errorW, errorU));
        table.setId(id + "Table");
        table.setHgap(8);
        table.setStyle("-fx-font-size: 0.85em;"); // two tables side by side at 1280 px
        table.setVgap(2);
        getChildren().addAll(title, axis, bars, drivers, error, table);
        setPadding(new Insets(4));
    }

    private static Label wrapping(String id) {
        Label l = Wrapping.wrap(new Label());
        l.setId(id);
        return l;
    }

    void show(DeltaFlow.Result flow, List<String> words) {
        List<DeltaFlow.Lag> lags = flow.lags();
        int n = lags.size();
        // oldest step on the left, as the sentence reads; the output's own step on the right
        double[] values = new double[n];
        boolean[] cut = new boolean[n];
        String[] labels = new String[n];
        double tanhSum = 0;
        for (int i = 0; i < n; i++) {
            DeltaFlow.Lag lag = lags.get(n - 1 - i);
            values[i] = lag.deltaNorm();
            cut[i] = lag.cut();
            labels[i] = words.get(lag.step());
            tanhSum += lag.tanhDerivative();
        }
        bars.set(values, cut, labels);
        sigma.set(String.format(Locale.ROOT, "%.3f", flow.largestSingularW()));
        tanh.set(String.format(Locale.ROOT, "%.3f", tanhSum / n));
        errorW.set(String.format(Locale.ROOT, "%.2f", 100 * flow.truncationErrorW()));
        errorU.set(String.format(Locale.ROOT, "%.2f", 100 * flow.truncationErrorU()));
        table.getChildren().clear();
        String[] heads = {I18n.key("bptt.table.lag"), I18n.key("bptt.table.word"), I18n.key("bptt.table.delta"),
            I18n.key("bptt.table.tanh"), I18n.key("bptt.table.shareW"), I18n.key("bptt.table.shareU")};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label();
            h.textProperty().bind(I18n.bind(heads[c]));
            h.getStyleClass().add(Styles.TEXT_BOLD);
            h.setMinWidth(Region.USE_PREF_SIZE);
            table.add(h, c, 0);
        }
        for (int r = 0; r < n; r++) {
            DeltaFlow.Lag lag = lags.get(r);
            String word = words.get(lag.step());
            String[] cells = {Integer.toString(lag.lag()), word.length() > 8 ? word.substring(0, 7) + "\u2026" : word,
                LogBars.scientific(lag.deltaNorm()),
                String.format(Locale.ROOT, "%.3f", lag.tanhDerivative()),
                String.format(Locale.ROOT, "%.1f %%", 100 * lag.shareOfW()),
                String.format(Locale.ROOT, "%.1f %%", 100 * lag.shareOfU())};
            for (int c = 0; c < cells.length; c++) {
                Label cell = new Label(cells[c]);
                cell.setMinWidth(Region.USE_PREF_SIZE);
                if (lag.cut()) {
                    cell.getStyleClass().add(Styles.TEXT_MUTED);
                    cell.setOpacity(0.55);
                }
                table.add(cell, c, r + 1);
            }
        }
    }

    LogBars bars() {
        return bars;
    }
}
