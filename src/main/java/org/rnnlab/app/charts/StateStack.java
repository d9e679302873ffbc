package org.rnnlab.app.charts;

import org.rnnlab.app.i18n.I18n;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The hidden states of a whole sentence, one strip per time step (the input word on the left):
 * how the network's memory changes word after word. The current step is outlined; the steps not
 * read yet are faded.
 */
public final class StateStack extends Region {
    /** A row at full height and its text, in em: both follow the text-size control. */
    private static final double ROW_EM = 1.3;
    private static final double TEXT_EM = 0.85;
    // Held by the node: the weak wrapper lets a discarded page be collected.
    private final javafx.beans.InvalidationListener resize = o -> {
        requestLayout();
        draw();
    };
    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private double[][] states = new double[0][];
    private List<String> labels = List.of();
    private int current;
    private Color text = Color.gray(0.2);

    public StateStack() {
        getStyleClass().add("state-stack");
        getChildren().add(canvas);
        setMinHeight(60);
        Tooltip.install(canvas, tip);
        org.rnnlab.app.support.Theme.fontSizeProperty().addListener(new javafx.beans.WeakInvalidationListener(resize));
        canvas.setOnMouseMoved(e -> {
            int[] cell = cellAt(e.getX(), e.getY());
            tip.setText(cell == null ? "" : I18n.text("app.chart.stateCell", cell[0], cell[1],
                    String.format(Locale.ROOT, "%.4f", states[cell[0]][cell[1]]), labels.get(cell[0])));
        });
    }

    /** s: T x H; labels: the input word of each step. */
    public void setStates(double[][] s, List<String> labels) {
        this.states = s;
        this.labels = labels;
        requestLayout();
        draw();
    }

    public void setCurrent(int t) {
        this.current = t;
        draw();
    }

    public void setTextColour(Color c) {
        this.text = c;
        draw();
    }

    private static double em() {
        return org.rnnlab.app.support.Theme.fontSizeProperty().get();
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.max(60, Math.min(ROW_EM * em() * states.length, 30 * em()));
    }

    /** The labels' column: the longest "t: word" at the text's size, at most 40 % of the width. */
    private double labelWidth() {
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(Font.font(TEXT_EM * em()));
        double w = 0;
        for (int t = 0; t < labels.size(); t++) {
            probe.setText(t + ": " + labels.get(t));
            w = Math.max(w, probe.getLayoutBounds().getWidth());
        }
        return Math.min(Math.ceil(w) + 8, 0.4 * getWidth());
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double rowHeight() {
        return states.length == 0 ? 0 : Math.min(ROW_EM * em(), getHeight() / states.length);
    }

    private int[] cellAt(double x, double y) {
        double rh = rowHeight();
        double labelWidth = labelWidth();
        if (rh <= 0 || x < labelWidth) {
            return null;
        }
        int t = (int) (y / rh);
        if (t < 0 || t >= states.length || states[t].length == 0) {
            return null;
        }
        int u = (int) ((x - labelWidth) / ((getWidth() - labelWidth) / states[t].length));
        return u < 0 || u >= states[t].length ? null : new int[] {t, u};
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double rh = rowHeight();
        double labelWidth = labelWidth();
        double w = getWidth() - labelWidth;
        if (rh <= 0 || w <= 0) {
            return;
        }
        g.setFont(Font.font(Math.min(TEXT_EM * em(), rh * 0.8)));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int t = 0; t < states.length; t++) {
            double y = t * rh;
            g.setGlobalAlpha(t <= current ? 1.0 : 0.25);
            g.setFill(text);
            // squeezed rather than cut when the column is at its 40 % limit
            g.fillText(t + ": " + labels.get(t), labelWidth - 6, y + rh / 2, Math.max(1, labelWidth - 8));
            double cell = w / states[t].length;
            for (int u = 0; u < states[t].length; u++) {
                g.setFill(StateStrip.colour(states[t][u]));
                double x0 = Math.floor(labelWidth + u * cell);
                double x1 = Math.floor(labelWidth + (u + 1) * cell);
                g.fillRect(x0, Math.floor(y), Math.max(1, x1 - x0), Math.max(1, Math.floor(y + rh) - Math.floor(y) - 1));
            }
        }
        g.setGlobalAlpha(1.0);
        if (current >= 0 && current < states.length) {
            g.setStroke(Color.web("#0969da"));
            g.setLineWidth(2);
            g.strokeRect(labelWidth - 1, current * rh - 1, w + 1, rh + 1);
        }
    }
}
