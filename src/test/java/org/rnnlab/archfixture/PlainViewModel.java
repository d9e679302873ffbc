package org.rnnlab.archfixture;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Keeps the view-model rule: properties only. */
public final class PlainViewModel {
    private final StringProperty text = new SimpleStringProperty("");

    public StringProperty textProperty() {
        return text;
    }
}
