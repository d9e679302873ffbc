package org.rnnlab.app.steps.training;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.rnnlab.app.i18n.I18n;

/**
 * The Run menu: open a run file (the app's or {@code rnnlab train --log}'s) to overlay it, export
 * the chart as PNG and the run's numbers as CSV. Only the file dialogs live here; the work is the
 * view-model's ({@link RunHistory}), which tests call directly.
 */
final class RunMenu {
    private RunMenu() {
    }

    static MenuButton build(TrainingViewModel vm, Node chart, java.util.function.Supplier<Window> window) {
        MenuButton menu = new MenuButton("", new FontIcon(MaterialDesignC.CHART_LINE));
        menu.setId("runMenu");
        menu.textProperty().bind(I18n.bind("training.runs.menu"));
        MenuItem open = new MenuItem("", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setId("openRun");
        open.textProperty().bind(I18n.bind("training.runs.open"));
        open.setOnAction(e -> {
            FileChooser c = chooser(I18n.text("training.runs.openTitle"), I18n.text("training.runs.filter"), "*.jsonl");
            Path dir = vm.runs().folder();
            if (dir != null && Files.isDirectory(dir)) {
                c.setInitialDirectory(dir.toFile());
            }
            File f = c.showOpenDialog(window.get());
            if (f != null) {
                vm.runs().open(f.toPath());
            }
        });
        MenuItem png = exportItem(new FontIcon(MaterialDesignI.IMAGE_OUTLINE), "exportPng", I18n.key("training.export.png"),
                I18n.key("training.export.pngFilter"), "*.png", "rnnlab-loss.png", window,
                file -> vm.runs().exportPng(snapshot(chart), file));
        MenuItem csv = exportItem(new FontIcon(MaterialDesignF.FILE_DELIMITED_OUTLINE), "exportCsv",
                I18n.key("training.export.csv"), I18n.key("training.export.csvFilter"), "*.csv", "rnnlab-run.csv", window,
                file -> vm.runs().exportCsv(vm.run(), file));
        menu.getItems().setAll(open, png, csv);
        return menu;
    }

    /** A menu item that asks where to save, then hands the file to {@code save}. */
    private static MenuItem exportItem(FontIcon icon, String id, String titleKey, String filterKey, String pattern,
                                       String initialName, java.util.function.Supplier<Window> window,
                                       java.util.function.Consumer<Path> save) {
        MenuItem item = new MenuItem("", icon);
        item.setId(id);
        item.textProperty().bind(I18n.bind(titleKey));
        item.setOnAction(e -> {
            FileChooser c = chooser(I18n.text(titleKey), I18n.text(filterKey), pattern);
            c.setInitialFileName(initialName);
            File f = c.showSaveDialog(window.get());
            if (f != null) {
                save.accept(f.toPath());
            }
        });
        return item;
    }

    /** The chart as it is on screen (FX thread). */
    static WritableImage snapshot(Node chart) {
        return org.rnnlab.app.support.ImageFiles.snapshot(chart, 1);
    }

    private static FileChooser chooser(String title, String filter, String pattern) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(filter, pattern));
        return c;
    }
}
