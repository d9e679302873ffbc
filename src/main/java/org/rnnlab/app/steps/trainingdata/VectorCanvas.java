package org.rnnlab.app.steps.trainingdata;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Small drawings of the Training data step: a one-hot vector as a grid, U as a heat map with one column marked. */
final class VectorCanvas {
    static final Color HOT = Color.web("#f0883e");
    private static final Color COLD = Color.gray(0.5, 0.25);

    private VectorCanvas() {
    }

    /**
     * The one-hot vector of size {@code size}: cells in reading order, row by row, all dim but
     * {@code hot}, which is bright and ringed so it can be found among thousands.
     */
    static void oneHot(Canvas canvas, int size, int hot) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.clearRect(0, 0, width, height);
        if (size <= 0) {
            return;
        }
        int cols = Math.max(1, (int) Math.ceil(Math.sqrt(size * width / height)));
        int rows = (int) Math.ceil(size / (double) cols);
        double cell = Math.min(width / cols, height / rows);
        double gap = cell >= 4 ? 1 : 0;
        g.setFill(COLD);
        for (int r = 0; r < rows; r++) {
            int inRow = Math.min(cols, size - r * cols);
            // whole runs of zeros at once: one rectangle per row when the cells touch
            if (gap == 0) {
                g.fillRect(0, r * cell, inRow * cell, cell);
            } else {
                for (int c = 0; c < inRow; c++) {
                    g.fillRect(c * cell, r * cell, cell - gap, cell - gap);
                }
            }
        }
        // Faint lines every 10 cells, like squared paper: it shows that the block is made of cells.
        if (cell * 10 >= 8) {
            g.setStroke(Color.gray(0.5, 0.35));
            g.setLineWidth(0.5);
            for (int c = 10; c < cols; c += 10) {
                g.strokeLine(c * cell, 0, c * cell, rows * cell);
            }
            for (int r = 10; r < rows; r += 10) {
                g.strokeLine(0, r * cell, cols * cell, r * cell);
            }
        }
        if (hot >= 0 && hot < size) {
            double x = (hot % cols) * cell;
            double y = (hot / cols) * cell;
            g.setFill(HOT);
            double s = Math.max(cell, 3);
            g.fillRect(x - (s - cell) / 2, y - (s - cell) / 2, s, s);
            g.setStroke(HOT);
            g.setLineWidth(2);
            double ring = 14;
            g.strokeOval(x + cell / 2 - ring / 2, y + cell / 2 - ring / 2, ring, ring);
        }
    }

    /** U (H x C) squeezed into the canvas, blue for negative and red for positive, column {@code hot} marked. */
    static void matrix(Canvas canvas, double[][] u, int hot) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.clearRect(0, 0, width, height);
        if (u == null || u.length == 0) {
            return;
        }
        int h = u.length;
        int c = u[0].length;
        double max = 0;
        for (double[] row : u) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        int px = (int) width;
        int py = (int) height;
        javafx.scene.image.WritableImage image = new javafx.scene.image.WritableImage(px, py);
        javafx.scene.image.PixelWriter w = image.getPixelWriter();
        for (int yy = 0; yy < py; yy++) {
            int r = (int) ((long) yy * h / py);
            for (int xx = 0; xx < px; xx++) {
                int col = (int) ((long) xx * c / px);
                double v = max == 0 ? 0 : u[r][col] / max;
                w.setColor(xx, yy, v >= 0 ? Color.color(0.85, 0.3, 0.25, 0.15 + 0.6 * v)
                        : Color.color(0.25, 0.45, 0.85, 0.15 - 0.6 * v));
            }
        }
        g.drawImage(image, 0, 0);
        if (hot >= 0 && hot < c) {
            double x = (hot + 0.5) * width / c;
            g.setStroke(HOT);
            g.setLineWidth(3);
            g.strokeLine(x, 0, x, height);
        }
    }
}
