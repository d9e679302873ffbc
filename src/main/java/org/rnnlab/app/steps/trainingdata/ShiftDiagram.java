package org.rnnlab.app.steps.trainingdata;

import org.rnnlab.app.i18n.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import org.rnnlab.app.widgets.TokenChips;

/**
 * x and y of one sentence as two aligned rows (words and indices), one column per time step, with
 * an arrow from each x_(t+1) down to y_t: y is x shifted left by one. The sentence's last token,
 * which x drops, stands faded at the end of the x row. Clicking a column chooses t.
 */
final class ShiftDiagram extends Region {
    private static final double GAP = 6;
    /** The arrows' row, in heights of a word chip. */
    private static final double ARROWS = 1.4;
    private static final double ROW_GAP = 2;

    private final List<Label> t = new ArrayList<>();
    private final List<Label> xWords = new ArrayList<>();
    private final List<Label> xIndices = new ArrayList<>();
    private final List<Label> yWords = new ArrayList<>();
    private final List<Label> yIndices = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<Polygon> heads = new ArrayList<>();
    private final List<Label> rowLabels = new ArrayList<>();
    private IntConsumer onPick = i -> { };
    private int selected = -1;

    ShiftDiagram() {
        getStyleClass().add("shift-diagram");
        for (String name : new String[] {"t", "x", "index", "index", "y"}) {
            Label l = new Label(name);
            if (name.equals("index")) {
                l.textProperty().bind(I18n.bind("app.data.index"));
            }
            l.getStyleClass().add("row-label");
            rowLabels.add(l);
        }
    }

    void setOnPick(IntConsumer onPick) {
        this.onPick = onPick;
    }

    /** Shows a pair; null clears the diagram. */
    void show(TrainingDataViewModel.Pair pair) {
        getChildren().clear();
        t.clear();
        xWords.clear();
        xIndices.clear();
        yWords.clear();
        yIndices.clear();
        lines.clear();
        heads.clear();
        if (pair == null) {
            requestLayout();
            return;
        }
        getChildren().addAll(rowLabels);
        int steps = pair.steps();
        for (int i = 0; i <= steps; i++) {
            boolean ghost = i == steps;   // w_T: not part of x
            Label tl = small(ghost ? "" : Integer.toString(i));
            Label xw = TokenChips.chip(pair.words().get(i));
            Label xi = small(Integer.toString(pair.sentence()[i]));
            if (ghost) {
                xw.getStyleClass().add("ghost");
                xi.getStyleClass().add("ghost");
                xi.textProperty().bind(I18n.bind("app.data.notInX"));
            } else {
                final int step = i;
                for (Node n : new Node[] {tl, xw, xi}) {
                    n.setOnMouseClicked(e -> onPick.accept(step));
                    n.getStyleClass().add("pickable");
                }
            }
            t.add(tl);
            xWords.add(xw);
            xIndices.add(xi);
            getChildren().addAll(tl, xw, xi);
            if (!ghost) {
                Label yi = small(Integer.toString(pair.y()[i]));
                Label yw = TokenChips.chip(pair.yWord(i));
                yIndices.add(yi);
                yWords.add(yw);
                Line line = new Line();
                line.getStyleClass().add("shift-arrow");
                Polygon head = new Polygon();
                head.getStyleClass().add("shift-arrow-head");
                lines.add(line);
                heads.add(head);
                getChildren().addAll(yi, yw, line, head);
            }
        }
        select(selected);
        requestLayout();
    }

    /** Marks column t as chosen. */
    void select(int step) {
        selected = step;
        for (int i = 0; i < xWords.size(); i++) {
            boolean on = i == step;
            for (Label l : new Label[] {t.get(i), xWords.get(i), xIndices.get(i)}) {
                l.getStyleClass().remove("selected");
                if (on) {
                    l.getStyleClass().add("selected");
                }
            }
        }
    }

    private static Label small(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("diagram-index");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private double[] columnWidths() {
        double[] w = new double[xWords.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.max(xWords.get(i).prefWidth(-1), xIndices.get(i).prefWidth(-1));
            if (i < yWords.size()) {
                w[i] = Math.max(w[i], Math.max(yWords.get(i).prefWidth(-1), yIndices.get(i).prefWidth(-1)));
            }
        }
        return w;
    }

    private double[] rowHeights() {
        double chip = xWords.isEmpty() ? 24 : xWords.get(0).prefHeight(-1);
        double small = t.isEmpty() ? 16 : t.get(0).prefHeight(-1);
        return new double[] {small, chip, small, ARROWS * chip, small, chip};
    }

    /** The row names' column: as wide as "index" is at the current text size, and a gap. */
    private double labelWidth() {
        double w = 0;
        for (Label l : rowLabels) {
            w = Math.max(w, l.prefWidth(-1));
        }
        return w + 8;
    }

    @Override
    protected double computePrefWidth(double height) {
        double sum = labelWidth();
        for (double w : columnWidths()) {
            sum += w + GAP;
        }
        return snappedLeftInset() + sum + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double sum = 0;
        for (double h : rowHeights()) {
            sum += h + ROW_GAP;
        }
        return snappedTopInset() + sum + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        if (xWords.isEmpty()) {
            return;
        }
        double[] w = columnWidths();
        double[] h = rowHeights();
        double[] y = new double[h.length];
        double top = snappedTopInset();
        for (int r = 0; r < h.length; r++) {
            y[r] = top;
            top += h[r] + ROW_GAP;
        }
        double left = snappedLeftInset();
        double labels = labelWidth();
        // Row names: t, x (word), index, [arrows], index, y (word)
        int[] rows = {0, 1, 2, 4, 5};
        for (int k = 0; k < rowLabels.size(); k++) {
            layoutInArea(rowLabels.get(k), left, y[rows[k]], labels - 8, h[rows[k]], 0, HPos.RIGHT, VPos.CENTER);
        }
        double[] centre = new double[w.length];
        double x = left + labels;
        for (int i = 0; i < w.length; i++) {
            centre[i] = x + w[i] / 2;
            layoutInArea(t.get(i), x, y[0], w[i], h[0], 0, HPos.CENTER, VPos.CENTER);
            layoutInArea(xWords.get(i), x, y[1], w[i], h[1], 0, HPos.CENTER, VPos.CENTER);
            layoutInArea(xIndices.get(i), x, y[2], w[i], h[2], 0, HPos.CENTER, VPos.CENTER);
            if (i < yWords.size()) {
                layoutInArea(yIndices.get(i), x, y[4], w[i], h[4], 0, HPos.CENTER, VPos.CENTER);
                layoutInArea(yWords.get(i), x, y[5], w[i], h[5], 0, HPos.CENTER, VPos.CENTER);
            }
            x += w[i] + GAP;
        }
        // Arrow t: from under x_(t+1) down to above y_t.
        for (int i = 0; i < lines.size(); i++) {
            double x0 = centre[i + 1];
            double y0 = y[3] + 3;
            double x1 = centre[i];
            double y1 = y[3] + h[3] - 3;
            Line line = lines.get(i);
            line.setStartX(x0);
            line.setStartY(y0);
            line.setEndX(x1);
            line.setEndY(y1);
            double angle = Math.atan2(y1 - y0, x1 - x0);
            double len = 8;
            double spread = 0.45;
            heads.get(i).getPoints().setAll(
                    x1, y1,
                    x1 - len * Math.cos(angle - spread), y1 - len * Math.sin(angle - spread),
                    x1 - len * Math.cos(angle + spread), y1 - len * Math.sin(angle + spread));
        }
    }
}
