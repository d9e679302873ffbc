package org.rnnlab.app.steps.bptt;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.widgets.Wrapping;
import org.rnnlab.engine.SpeedLesson;

/** The speed lesson's section: the two measured step times beside the lesson's three, and why they differ. */
final class SpeedSection extends VBox {
    SpeedSection(SpeedViewModel vm) {
        super(8);
        setId("bpttSpeed");
        Label title = new Label();
        title.textProperty().bind(I18n.bind("bptt.speed.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Button measure = new Button(null, new FontIcon(MaterialDesignT.TIMER_OUTLINE));
        measure.setId("bpttMeasure");
        measure.textProperty().bind(I18n.bind("bptt.speed.measure"));
        measure.disableProperty().bind(vm.runningProperty());
        measure.setOnAction(e -> vm.measure());
        measure.setMinWidth(Region.USE_PREF_SIZE);
        Label sizes = new Label();
        sizes.textProperty().bind(I18n.bind("bptt.speed.sizes", SpeedViewModel.LESSON_C, SpeedViewModel.LESSON_H,
                SpeedViewModel.LESSON_T));
        Wrapping.wrap(sizes);
        HBox row = new HBox(10, measure, sizes);
        row.setAlignment(Pos.CENTER_LEFT);

        GridPane table = new GridPane();
        table.setId("bpttSpeedTable");
        table.setHgap(16);
        table.setVgap(4);
        addRow(table, 0, I18n.bind("bptt.speed.reference"), ms(vm, true));
        addRow(table, 1, I18n.bind("bptt.speed.kernel"), ms(vm, false));
        addRow(table, 2, I18n.bind("bptt.speed.numpy"), I18n.bind("bptt.speed.ms", SpeedLesson.LESSON_NUMPY_MS));
        addRow(table, 3, I18n.bind("bptt.speed.theanoCpu"), I18n.bind("bptt.speed.ms", SpeedLesson.LESSON_THEANO_CPU_MS));
        addRow(table, 4, I18n.bind("bptt.speed.theanoGpu"), I18n.bind("bptt.speed.ms", SpeedLesson.LESSON_THEANO_GPU_MS));
        Label difference = Wrapping.wrap(new Label());
        difference.setId("bpttSpeedDifference");
        difference.textProperty().bind(Bindings.createStringBinding(() -> {
            SpeedLesson.Result r = vm.resultProperty().get();
            return r == null ? I18n.text("bptt.speed.notYet") : I18n.text("bptt.speed.difference",
                    String.format(Locale.ROOT, "%.2e", r.largestDifference()), String.format(Locale.ROOT, "%.0f", r.speedUp()));
        }, vm.resultProperty(), I18n.languageProperty()));
        Label why = new Label();
        why.textProperty().bind(I18n.bind("bptt.speed.why"));
        Wrapping.wrap(why);
        getChildren().addAll(title, row, table, difference, why);
    }

    private static StringBinding ms(SpeedViewModel vm, boolean reference) {
        return Bindings.createStringBinding(() -> {
            SpeedLesson.Result r = vm.resultProperty().get();
            if (r == null) {
                return vm.runningProperty().get() ? I18n.text("bptt.speed.running") : "\u2013";
            }
            return I18n.text("bptt.speed.msMeasured", String.format(Locale.ROOT, "%.1f", reference ? r.referenceMs() : r.kernelMs()));
        }, vm.resultProperty(), vm.runningProperty(), I18n.languageProperty());
    }

    private static void addRow(GridPane table, int row, javafx.beans.value.ObservableValue<String> name,
                               javafx.beans.value.ObservableValue<String> value) {
        Label n = new Label();
        n.textProperty().bind(name);
        n.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label();
        v.setId("bpttSpeedValue" + row);
        v.textProperty().bind(value);
        v.setMinWidth(Region.USE_PREF_SIZE);
        v.getStyleClass().add(Styles.TEXT_BOLD);
        table.add(n, 0, row);
        table.add(v, 1, row);
    }
}
