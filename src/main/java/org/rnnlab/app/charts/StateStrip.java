package org.rnnlab.app.charts;

import org.rnnlab.app.i18n.I18n;
import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A hidden state s_t as a strip of coloured cells, one per hidden unit: blue for -1, white-ish for
 * 0, red for +1 (tanh keeps every unit in [-1, 1]). Hovering a cell tells the unit and its value.
 */
public final class StateStrip extends Region {
    private static final Color NEGATIVE = Color.rgb(33, 102, 172);
    private static final Color ZERO = Color.rgb(247, 247, 247);
    private static final Color POSITIVE = Color.rgb(178, 24, 43);
    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private double[] values = new double[0];

    public StateStrip() {
        getStyleClass().add("state-strip");
        getChildren().add(canvas);
        setMinHeight(18);
        setPrefHeight(28);
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
        Tooltip.install(canvas, tip);
        canvas.setOnMouseMoved(e -> {
            if (values.length > 0) {
                int i = (int) Math.min(values.length - 1, Math.max(0, e.getX() / (getWidth() / values.length)));
                tip.setText(I18n.text("app.chart.unit", i, String.format(Locale.ROOT, "%.4f", values[i])));
            }
        });
    }

    public void setValues(double[] values) {
        this.values = values == null ? new double[0] : values.clone();
        draw();
    }

    public double[] values() {
        return values.clone();
    }

    /** The colour of a value in [-1, 1] (values outside are clamped). */
    public static Color colour(double v) {
        double t = Math.max(-1, Math.min(1, v));
        return t < 0 ? ZERO.interpolate(NEGATIVE, -t) : ZERO.interpolate(POSITIVE, t);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = getWidth();
        double h = getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (values.length == 0 || w <= 0 || h <= 0) {
            return;
        }
        double cell = w / values.length;
        for (int i = 0; i < values.length; i++) {
            g.setFill(colour(values[i]));
            // Round the edges to whole pixels so neighbouring cells leave no seams.
            double x0 = Math.floor(i * cell);
            double x1 = Math.floor((i + 1) * cell);
            g.fillRect(x0, 0, Math.max(1, x1 - x0), h);
        }
        g.setStroke(Color.gray(0.5));
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
    }
}
