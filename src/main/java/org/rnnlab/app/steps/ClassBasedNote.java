package org.rnnlab.app.steps;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.support.Formula;
import org.rnnlab.engine.RnnModel;

/**
 * Under a step's formula o_t = softmax(V s_t), shown while the current model has a class-based
 * output layer (which the Training step can make): what that model computes instead, so that the
 * formula on screen is the one that runs.
 */
public final class ClassBasedNote {
    /** p(w | s_t) = p(class(w) | s_t) p(w | class(w), s_t), the engine's ClassOutput. */
    static final String LATEX = "\\begin{array}{l}o_{t,w}=\\mathrm{softmax}(X s_t)_{c(w)}\\\\"
            + "\\qquad\\cdot\\,\\mathrm{softmax}(V_{c(w)} s_t)_w\\end{array}";

    private ClassBasedNote() {
    }

    /** dL_t/ds_t through the class-based layer, c = y_t's class: the first delta of BPTT. */
    static final String DELTA_LATEX = "\\begin{array}{l}\\delta_t=\\big(X^T(\\hat{q}_t-q_t)\\\\"
            + "\\qquad+\\,V_c^T(\\hat{r}_t-r_t)\\big)\\odot(1-s_t^2)\\end{array}";

    /** The note for the current {@code model}: its output, o_t; it takes no room while the model has the full softmax. */
    public static Node of(ObservableValue<RnnModel> model) {
        return of(model, "app.classBased.note", LATEX);
    }

    /** The note for the current {@code model}: the first delta of backpropagation through time. */
    public static Node delta(ObservableValue<RnnModel> model) {
        return of(model, "app.classBased.noteDelta", DELTA_LATEX);
    }

    private static Node of(ObservableValue<RnnModel> model, String textKey, String latex) {
        Text text = new Text();
        text.setId("classBasedNoteText");
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            RnnModel m = model.getValue();
            return m == null || m.classes() == null ? "" : I18n.text(textKey, m.classes().count());
        }, model, I18n.languageProperty()));
        TextFlow words = new TextFlow(text);
        words.getStyleClass().add("explanation-text");
        VBox note = new VBox(6, words, Formula.of(latex));
        note.setId("classBasedNote");
        BooleanBinding classBased = Bindings.createBooleanBinding(
                () -> model.getValue() != null && model.getValue().classes() != null, model);
        note.visibleProperty().bind(classBased);
        note.managedProperty().bind(classBased);
        return note;
    }
}
