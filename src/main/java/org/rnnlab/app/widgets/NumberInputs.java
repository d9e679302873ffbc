package org.rnnlab.app.widgets;

import org.rnnlab.app.i18n.I18n;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;

/**
 * The number fields a command reads: it may run only while every one of them holds a number
 * within its range, and when it may not, one line says which field to fix and why.
 */
public final class NumberInputs {
    private final List<NumberInput> inputs;
    private final BooleanBinding valid;
    private final StringBinding problem;

    public NumberInputs(NumberInput... inputs) {
        this.inputs = List.of(inputs);
        Observable[] deps = this.inputs.stream().flatMap(i -> java.util.stream.Stream.of(i.validProperty(), i.problemProperty()))
                .toArray(Observable[]::new);
        valid = Bindings.createBooleanBinding(() -> this.inputs.stream().allMatch(NumberInput::isValid), deps);
        problem = Bindings.createStringBinding(this::firstProblem, java.util.stream.Stream.concat(java.util.Arrays.stream(deps),
                java.util.stream.Stream.of(I18n.languageProperty())).toArray(Observable[]::new));
    }

    public List<NumberInput> all() {
        return inputs;
    }

    /**
     * Every field shows its current value again, forgetting what was typed: after a command set the
     * values ("Lesson's settings"), a field whose value did not change must not keep a stale typo.
     */
    public void revert() {
        inputs.forEach(NumberInput::revert);
    }

    /** True while every field holds a number within its range. */
    public BooleanBinding validProperty() {
        return valid;
    }

    public boolean isValid() {
        return valid.get();
    }

    /** "Fix the temperature first: 5 is too large (0.1 to 3)." for the first field in trouble, or "". */
    public StringBinding problemProperty() {
        return problem;
    }

    private String firstProblem() {
        for (NumberInput in : inputs) {
            if (!in.isValid()) {
                String p = in.problemProperty().get();
                if (p.isEmpty()) {
                    return I18n.text("app.number.nothingFor", in.name());
                }
                return I18n.text("app.number.fixFirst", in.name(), I18n.language() == org.rnnlab.app.i18n.Language.ENGLISH
                        ? Character.toLowerCase(p.charAt(0)) + p.substring(1) : p);
            }
        }
        return "";
    }
}
