package org.rnnlab.app.support;

import java.awt.Color;
import java.awt.image.BufferedImage;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;

/**
 * A lesson formula written in LaTeX, drawn the way a textbook shows it. As a node it follows the
 * theme (dark or light glyphs) and the text size, and shrinks to the width it is given rather than
 * be cut: a long formula in a narrow column is drawn smaller, never clipped.
 */
public final class Formula extends Region {
    private final ImageView view = new ImageView();
    private final String latex;
    private final float size;
    // The node keeps its listener alive; the weak wrappers let a discarded page be collected.
    private final InvalidationListener redraw = o -> redraw();
    private double naturalWidth;
    private double naturalHeight;
    private double drawnFor = 1; // the shrink the image on show was drawn for (1: full size)
    private double drawnAt = 1;  // and the pixels a point
    // the window's pixels a point, followed: a window moved to a screen of another density draws again
    private final ObservableValue<Number> windowScale =
            sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::renderScaleXProperty);

    /** Times the window's pixels a point while a picture of the page is taken (see {@link #drawnForPicture}); 1 on screen. */
    private static final javafx.beans.property.DoubleProperty PICTURE_SCALE = new javafx.beans.property.SimpleDoubleProperty(1);
    private final InvalidationListener relayout = o -> requestLayout();

    private Formula(String latex, float size) {
        this.latex = latex;
        this.size = size;
        view.setPreserveRatio(true);
        view.setSmooth(true);
        getChildren().add(view);
        getStyleClass().add("formula");
        Theme.darkProperty().addListener(new WeakInvalidationListener(redraw));
        Theme.fontSizeProperty().addListener(new WeakInvalidationListener(redraw));
        windowScale.addListener(relayout);
        PICTURE_SCALE.addListener(new WeakInvalidationListener(relayout));
        redraw();
    }

    /**
     * A formula in the current theme's colours, {@code size} points at the default text size; it
     * redraws itself when the theme or the text size changes.
     */
    public static Formula live(String latex, float size) {
        return new Formula(latex, size);
    }

    /** A step's formula at the size the explanations use. */
    public static Formula of(String latex) {
        return live(latex, 18f);
    }

    /** The LaTeX source (tests read it). */
    public String latex() {
        return latex;
    }

    /** The width the formula has at full size, in px. */
    public double naturalWidth() {
        return naturalWidth;
    }

    // size in points times the screen's pixels a point. One formula at a time: the renderer's first
    // use (its fonts, AWT's) may run on the launch thread.
    private static BufferedImage render(String latex, float size, boolean dark) {
        synchronized (RENDERER) {
            return (BufferedImage) new TeXFormula(latex).createBufferedImage(
                    TeXConstants.STYLE_DISPLAY, size, dark ? new Color(230, 237, 243) : new Color(31, 35, 40), null);
        }
    }

    private static final Object RENDERER = new Object();

    /**
     * Draws one small formula and throws it away: the first formula loads the renderer's classes
     * and fonts (and AWT's), about half a second that the launch does on its second core while the
     * toolkit starts, not on the FX thread when the first page is built. Any thread; never fails.
     */
    public static void warmUp() {
        try {
            render("s_t = \\tanh(U x_t + W s_{t-1})", 18f, false);
        } catch (RuntimeException | LinkageError e) {
            // the page's own formulas will say what is wrong, where the learner sees it
        }
    }

    private void redraw() {
        double px = pixelsAPoint();
        BufferedImage image = render(latex, (float) (textSize() * px), Theme.isDark());
        naturalWidth = image.getWidth() / px;
        naturalHeight = image.getHeight() / px;
        show(image, 1, px);
        requestLayout();
    }

    /**
     * The window's pixels a point (2 on a high-DPI screen or projector, else 1). The formula is drawn
     * at that many pixels and shown one to one: drawn at twice the size and shown at half, a thin
     * stroke fell between the samples wherever the two grids drifted apart (the minus of w_{i-1} at
     * 18 px in the dark theme).
     */
    private double pixelsAPoint() {
        Scene scene = getScene();
        Window window = scene == null ? null : scene.getWindow();
        double scale = window != null ? window.getRenderScaleX() : Screen.getPrimary().getOutputScaleX();
        return Math.max(1, scale) * PICTURE_SCALE.get();
    }

    /**
     * Runs {@code take} (a snapshot of the page at {@code scale} times its size, FX thread) with every
     * formula drawn at that many more pixels, so that a picture for slides keeps them sharp; they are
     * drawn for the screen again at the next pulse.
     */
    public static <T> T drawnForPicture(double scale, java.util.function.Supplier<T> take) {
        PICTURE_SCALE.set(scale);
        try {
            return take.get(); // the snapshot lays the page out first: each formula draws itself anew
        } finally {
            PICTURE_SCALE.set(1);
        }
    }

    private float textSize() {
        return (float) (size * Theme.fontSizeProperty().get() / Theme.DEFAULT_FONT);
    }

    private void show(BufferedImage image, double shrink, double px) {
        Image fx = SwingFXUtils.toFXImage(image, null);
        view.setImage(fx);
        drawnFor = shrink;
        drawnAt = px;
    }

    /** The image's width in pixels, over the width it is shown at: the window's pixels a point however narrow the column (tests read it). */
    double pixelsPerPoint() {
        return view.getImage().getWidth() / view.getFitWidth();
    }

    private static final int SHRINK_STEPS = 16;

    private double scale(double width) {
        return width <= 0 || naturalWidth <= width ? 1 : width / naturalWidth;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        // Shrinks down to a third of its size before its column has to grow.
        return snappedLeftInset() + naturalWidth / 3 + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + naturalWidth + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? naturalWidth : width - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + naturalHeight * scale(inner) + snappedBottomInset();
    }

    @Override
    protected double computeMaxWidth(double height) {
        return Double.MAX_VALUE;
    }

    @Override
    protected void layoutChildren() {
        if (pixelsAPoint() != drawnAt) {
            redraw(); // the window went to a screen of another density
        }
        double inner = getWidth() - snappedLeftInset() - snappedRightInset();
        double k = scale(inner);
        // A shrunk formula is drawn again at its smaller size: an image shown at under half its pixels
        // is sampled, not averaged, and thin strokes (an equals sign, a fraction bar) fell between the
        // samples. In steps of 1/16, so a window being resized does not draw it at every pixel.
        double drawn = Math.min(1, Math.ceil(k * SHRINK_STEPS) / SHRINK_STEPS);
        if (drawn != drawnFor) {
            show(render(latex, (float) (textSize() * drawn * drawnAt), Theme.isDark()), drawn, drawnAt);
        }
        view.setFitWidth(naturalWidth * k);
        view.relocate(snappedLeftInset(), snappedTopInset());
    }
}
