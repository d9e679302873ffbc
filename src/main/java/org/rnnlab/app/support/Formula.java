package org.rnnlab.app.support;

import java.awt.Color;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.ImageView;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;

/** Renders a lesson formula written in LaTeX to an image, the way a textbook shows it. */
public final class Formula {
    private Formula() {
    }

    /**
     * @param latex the formula, e.g. {@code s_t = \tanh(U x_t + W s_{t-1})}
     * @param size  font size in points
     * @param dark  true on a dark theme (light glyphs)
     */
    public static ImageView of(String latex, float size, boolean dark) {
        // Rendered at twice the size and shown at half, so it stays sharp on high-DPI projectors.
        BufferedImage image = (BufferedImage) new TeXFormula(latex).createBufferedImage(
                TeXConstants.STYLE_DISPLAY, size * 2, dark ? new Color(230, 237, 243) : new Color(31, 35, 40), null);
        ImageView view = new ImageView(SwingFXUtils.toFXImage(image, null));
        view.setFitWidth(image.getWidth() / 2.0);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.getStyleClass().add("formula");
        return view;
    }

    /** A formula in the current theme's colours that redraws itself when the theme changes. */
    public static ImageView of(String latex) {
        ImageView view = of(latex, 18f, Theme.isDark());
        javafx.beans.value.ChangeListener<Boolean> redraw = (obs, was, dark) -> {
            ImageView fresh = of(latex, 18f, dark);
            view.setImage(fresh.getImage());
            view.setFitWidth(fresh.getFitWidth());
        };
        // The node keeps its listener alive; the weak wrapper lets a discarded page be collected.
        view.getProperties().put("theme-listener", redraw);
        Theme.darkProperty().addListener(new javafx.beans.value.WeakChangeListener<>(redraw));
        return view;
    }
}
