package org.rnnlab.app.steps.training;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.widgets.Fields;

/** Nodes whose words follow the language ({@link I18n}): buttons, menu items, tooltips, captions, the page's text. */
final class Words {
    private Words() {
    }

    static Button button(javafx.beans.value.ObservableValue<String> text, org.kordamp.ikonli.Ikon icon) {
        Button b = new Button("", new FontIcon(icon));
        b.textProperty().bind(text);
        return b;
    }

    static MenuItem item(javafx.beans.value.ObservableValue<String> text, Node icon) {
        MenuItem m = new MenuItem("", icon);
        m.textProperty().bind(text);
        return m;
    }

    static Tooltip tooltip(javafx.beans.value.ObservableValue<String> text) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(text);
        return t;
    }

    /** A control with its caption above it, the caption following the language. */
    static VBox labelled(javafx.beans.value.ObservableValue<String> caption, Node control) {
        VBox box = Fields.labelled("", control);
        ((Label) box.getChildren().get(0)).textProperty().bind(caption);
        return box;
    }

    static String[] texts(String[] keys) {
        String[] out = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = I18n.text(keys[i]);
        }
        return out;
    }

    /** The page's heading and explanation (built by StepPage from plain text) follow the language. */
    static void followLanguage(BorderPane page, String titleKey, String[] explanation) {
        if (page.getTop() instanceof Label heading) {
            heading.textProperty().bind(I18n.bind(titleKey));
        }
        if (page.getLeft() instanceof javafx.scene.control.ScrollPane side && side.getContent() instanceof VBox paragraphs) {
            int i = 0;
            for (Node n : paragraphs.getChildren()) {
                if (n instanceof javafx.scene.text.TextFlow flow && i < explanation.length
                        && flow.getChildren().get(0) instanceof javafx.scene.text.Text text) {
                    text.textProperty().bind(I18n.bind(explanation[i++]));
                }
            }
        }
    }

    /**
     * A drop-down of {@code items} bound both ways to {@code value}, each item shown by {@code name},
     * which may read the language: its cells follow it.
     */
    @SafeVarargs
    static <T> javafx.scene.control.ComboBox<T> choice(String id, javafx.beans.property.Property<T> value,
                                                      java.util.function.Function<T, String> name, T... items) {
        javafx.scene.control.ComboBox<T> box = new javafx.scene.control.ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.valueProperty().bindBidirectional(value);
        box.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                } else {
                    textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> name.apply(item),
                            org.rnnlab.app.i18n.I18n.languageProperty()));
                }
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        return box;
    }
}
