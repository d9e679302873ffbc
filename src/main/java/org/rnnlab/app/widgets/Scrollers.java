package org.rnnlab.app.widgets;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Scroll panes as the app's pages need them. */
public final class Scrollers {
    private Scrollers() {
    }

    /**
     * The scroll pane without the bitmap cache JavaFX puts on its viewport. With it, any change
     * inside (a counter, a chart's new points, twice a second while training) paints the whole
     * viewport into the cache again: under software rendering (no GPU, or Xvfb) the window's page
     * cache, 1049 x 728 at 1280x800, was rebuilt at every update and held the FX thread 50-90 ms.
     * Without it only the changed parts are painted.
     */
    public static ScrollPane uncached(ScrollPane scroller) {
        Runnable uncache = () -> {
            for (Node n : scroller.lookupAll(".viewport")) {
                if (n.getParent() == scroller) {
                    n.setCache(false);
                }
            }
        };
        scroller.skinProperty().addListener((o, a, skin) -> uncache.run());
        uncache.run();
        return scroller;
    }
}
