package org.rnnlab.app.steps.training;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
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
        MenuItem png = new MenuItem("", new FontIcon(MaterialDesignI.IMAGE_OUTLINE));
        png.setId("exportPng");
        png.textProperty().bind(I18n.bind("training.export.png"));
        png.setOnAction(e -> {
            FileChooser c = chooser(I18n.text("training.export.png"), I18n.text("training.export.pngFilter"), "*.png");
            c.setInitialFileName("rnnlab-loss.png");
            File f = c.showSaveDialog(window.get());
            if (f != null) {
                vm.runs().exportPng(snapshot(chart), f.toPath());
            }
        });
        MenuItem csv = new MenuItem("", new FontIcon(MaterialDesignF.FILE_DELIMITED_OUTLINE));
        csv.setId("exportCsv");
        csv.textProperty().bind(I18n.bind("training.export.csv"));
        csv.setOnAction(e -> {
            FileChooser c = chooser(I18n.text("training.export.csv"), I18n.text("training.export.csvFilter"), "*.csv");
            c.setInitialFileName("rnnlab-run.csv");
            File f = c.showSaveDialog(window.get());
            if (f != null) {
                vm.runs().exportCsv(vm.run(), f.toPath());
            }
        });
        menu.getItems().setAll(open, png, csv);
        return menu;
    }

    /** The chart as it is on screen (FX thread). */
    static WritableImage snapshot(Node chart) {
        return chart.snapshot(new SnapshotParameters(), null);
    }

    private static FileChooser chooser(String title, String filter, String pattern) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(filter, pattern));
        return c;
    }
}
