package org.rnnlab.app.support;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.rnnlab.common.AtomicFiles;

/** What the learner sees, as PNG files: written atomically, so a reader never meets half an image. */
public final class ImageFiles {
    private ImageFiles() {
    }

    /** A picture of {@code node} as it is drawn now, at {@code scale} times its size (2 for a sharp print). Call on the FX thread. */
    public static WritableImage snapshot(Node node, double scale) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
        return node.snapshot(params, null);
    }

    /** Writes {@code image} as PNG; the image is converted first, so this may run off the FX thread. */
    public static void writePng(Path file, Image image) throws IOException {
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(buffered, "png", out)) {
                throw new IOException("this Java has no PNG writer");
            }
        });
    }
}
