package org.rnnlab.app.steps.dimensions;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.widgets.Wrapping;

/** A card of the Dimensions step: the output layer's cost per word, full softmax against class-based, and why. */
final class OutputLayerCostCard {
    private OutputLayerCostCard() {
    }

    static Node build(OutputLayerCostViewModel model) {
        var costs = model.costsProperty();
        Label title = new Label();
        title.textProperty().bind(I18n.bind("speed.dimensions.outputTitle"));
        title.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
        Wrapping.wrap(title); // two lines, not an ellipsis, with large text
        Label full = new Label();
        full.setId("outputCostFull");
        full.textProperty().bind(I18n.bind("speed.dimensions.full",
                Bindings.createDoubleBinding(() -> costs.get().fullMultiplyAdds(), costs),
                Bindings.createDoubleBinding(() -> costs.get().fullMegabytes(), costs)));
        Label byClass = new Label();
        byClass.setId("outputCostClass");
        byClass.textProperty().bind(I18n.bind("speed.dimensions.class",
                Bindings.createIntegerBinding(() -> costs.get().classes(), costs),
                Bindings.createDoubleBinding(() -> costs.get().classMultiplyAdds(), costs),
                Bindings.createDoubleBinding(() -> costs.get().classMegabytes(), costs),
                Bindings.createDoubleBinding(() -> costs.get().ratio(), costs)));
        Label why = new Label();
        why.textProperty().bind(I18n.bind("speed.dimensions.why"));
        why.getStyleClass().add("muted");
        for (Label l : new Label[] {full, byClass, why}) {
            l.setWrapText(true);
        }
        VBox card = new VBox(8, title, full, byClass, why);
        card.getStyleClass().add("card");
        card.setId("outputLayerCost");
        return card;
    }
}
