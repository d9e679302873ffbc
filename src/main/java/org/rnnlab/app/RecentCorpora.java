package org.rnnlab.app;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.support.AppMemory;

/** The Corpus menu's "Recent corpora": the files opened before, most recent first, each reopened with its column. */
final class RecentCorpora {
    private RecentCorpora() {
    }

    /** A submenu filled anew each time it is about to show (files that are gone are left out); hidden while empty. */
    static Menu menu(AppMemory memory, BiConsumer<Path, String> open) {
        Menu recent = new Menu();
        recent.setId("recentCorpora");
        recent.textProperty().bind(I18n.bind("app.toolbar.recent"));
        Runnable refill = () -> {
            recent.getItems().clear();
            for (AppMemory.RecentCorpus c : memory.recentCorpora()) {
                String name = c.path().getFileName() == null ? c.path().toString() : c.path().getFileName().toString();
                MenuItem item = new MenuItem(c.column() == null ? name : name + " (" + c.column() + ")");
                item.setMnemonicParsing(false); // a file name's underscores are not shortcuts
                item.setOnAction(e -> open.accept(c.path(), c.column()));
                recent.getItems().add(item);
            }
            recent.setVisible(!recent.getItems().isEmpty());
        };
        refill.run();
        recent.setUserData(refill); // the menu's owner refills it before it opens
        return recent;
    }

    static void refill(Menu recent) {
        if (recent.getUserData() instanceof Runnable r) {
            r.run();
        }
    }
}
