package org.rnnlab.app.steps.gradcheck;

import atlantafx.base.theme.Styles;
import java.util.Arrays;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.widgets.Wrapping;
import org.rnnlab.engine.ReferenceRnn;

/** The choice of a bug to put into backpropagation, and what it is and why the check sees it. */
final class BugChoice extends VBox {
    BugChoice(ObjectProperty<ReferenceRnn.Bug> bug) {
        super(4);
        ComboBox<ReferenceRnn.Bug> choice = new ComboBox<>();
        choice.setId("gcBug");
        choice.getItems().setAll(Arrays.asList(ReferenceRnn.Bug.values()));
        choice.valueProperty().bindBidirectional(bug);
        choice.setCellFactory(list -> new BugCell());
        choice.setButtonCell(new BugCell());
        Label caption = new Label();
        caption.textProperty().bind(I18n.bind("bptt.gc.bug.label"));
        caption.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, caption, choice);
        row.setAlignment(Pos.CENTER_LEFT);
        Label why = Wrapping.wrap(new Label());
        why.setId("gcBugWhy");
        why.getStyleClass().add(Styles.TEXT_MUTED);
        why.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> I18n.text(InjectedBugs.whyKey(bug.get() == null ? ReferenceRnn.Bug.NONE : bug.get()),
                        ReferenceRnn.Bug.KEPT_TRUNCATION), bug, I18n.languageProperty()));
        getChildren().addAll(row, why);
    }

    /** A bug's name, in the current language. */
    private static final class BugCell extends ListCell<ReferenceRnn.Bug> {
        BugCell() {
            I18n.languageProperty().addListener(o -> updateItem(getItem(), isEmpty()));
        }

        @Override
        protected void updateItem(ReferenceRnn.Bug item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : I18n.text(InjectedBugs.titleKey(item)));
        }
    }
}
