package org.rnnlab.app.support;

import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.effect.DropShadow;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Loads the renderer's effects library (Decora's, {@code libdecora_sse}) now, before the engine's
 * native libraries load. JavaCPP looks its symbols up from inside {@code dl_iterate_phdr}
 * ({@code Loader.addressof}, called while ND4J starts and sets OpenBLAS's threads), and glibc
 * deadlocks when another thread loads a library at that moment: the renderer loads this one at the
 * first frame with a shadow, which came right when the engine started loading after the window
 * was up. Once it happened (one launch in about 25): the window froze for good, every thread
 * waiting on the dynamic loader's locks (seen with gdb).
 */
public final class RendererLibraries {
    private RendererLibraries() {
    }

    /** Renders a 2-px node with a shadow, which loads the effects library. FX thread; a few ms. */
    public static void loadEffects() {
        Region probe = new Region();
        probe.setPrefSize(2, 2);
        probe.setEffect(new DropShadow(1, Color.BLACK));
        new Scene(new Group(probe));
        probe.snapshot(null, null);
    }
}
