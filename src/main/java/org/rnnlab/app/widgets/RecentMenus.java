package org.rnnlab.app.widgets;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.support.AppMemory;

/**
 * "Recent corpora" (the toolbar's Corpus menu) and "Recent models" (Training's Model menu): the files
 * opened before, most recent first, filled anew each time the menu that holds them is about to show
 * (files that are gone are left out), hidden while empty.
 */
public final class RecentMenus {
    private RecentMenus() {
    }

    /** The recent corpora, each reopened with its CSV column. */
    public static Menu corpora(AppMemory memory, BiConsumer<Path, String> open) {
        return menu("recentCorpora", I18n.key("app.toolbar.recent"), () -> memory.recentCorpora().stream()
                .map(c -> item(c.path(), c.column(), () -> open.accept(c.path(), c.column()))).toList());
    }

    /** The recent model files. */
    public static Menu models(AppMemory memory, Consumer<Path> load) {
        return menu("recentModels", I18n.key("app.recentModels"), () -> memory.recentModels().stream()
                .map(p -> item(p, null, () -> load.accept(p))).toList());
    }

    /** Fills {@code recent} again (call from the owner's onShowing). */
    public static void refill(Menu recent) {
        if (recent.getUserData() instanceof Runnable r) {
            r.run();
        }
    }

    private static Menu menu(String id, String titleKey, Supplier<List<MenuItem>> items) {
        Menu recent = new Menu();
        recent.setId(id);
        recent.textProperty().bind(I18n.bind(titleKey));
        Runnable refill = () -> {
            recent.getItems().setAll(items.get());
            recent.setVisible(!recent.getItems().isEmpty());
        };
        refill.run();
        recent.setUserData(refill);
        return recent;
    }

    private static MenuItem item(Path path, String column, Runnable action) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        MenuItem item = new MenuItem(column == null ? name : name + " (" + column + ")");
        item.setMnemonicParsing(false); // a file name's underscores are not shortcuts
        item.setOnAction(e -> action.run());
        return item;
    }
}
