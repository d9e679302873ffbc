package org.rnnlab.app.widgets;

import org.rnnlab.app.i18n.I18n;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * A field for one {@link NumberInput}: it lets through only what can become a number as it is
 * typed, shows the range accepted in a small line under it, and in that same line, in red, why a
 * value is not accepted (out of range, empty, incomplete). Enter or leaving the field commits;
 * Esc goes back to the current value; the up and down arrows step. Nothing here parses with
 * exceptions: the input reads the text.
 *
 * <p>The text field carries the id given to {@link #setFieldId}; the whole widget has the style
 * class {@value #STYLE_CLASS}, its line {@value #HINT_CLASS}.
 */
public final class NumberField extends VBox {
    public static final String STYLE_CLASS = "number-field";
    public static final String HINT_CLASS = "number-field-hint";
    /** The line under the field wraps at this width (or the field's, when wider). */
    private static final double HINT_WIDTH = 170;
    /** The range line as laid out (not shown): the field keeps its width when a longer problem replaces it. */
    private final Text rangeLine = new Text();

    private final NumberInput input;
    private final TextField editor = new TextField();
    private final Label hint = new Label();

    public NumberField(NumberInput input) {
        this.input = input;
        getStyleClass().add(STYLE_CLASS);
        setSpacing(1);
        editor.setTextFormatter(new TextFormatter<>(change -> {
            if (!change.isContentChange()) {
                return change;
            }
            String inserted = change.getText();
            String bare = inserted.replaceAll("\\s+", "");
            if (!bare.equals(inserted)) {
                change.setText(bare);   // pasted "8 000" or " 5"
            }
            return NumberInput.typeable(change.getControlNewText(), input.kind()) ? change : null;
        }));
        editor.textProperty().bindBidirectional(input.textProperty());
        editor.setPrefColumnCount(input.kind() == NumberInput.Kind.DECIMAL ? 7 : 6);
        editor.promptTextProperty().bind(input.rangeTextProperty());
        editor.disableProperty().bind(input.availableProperty().not());
        editor.setAccessibleText(input.name());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> I18n.text("app.number.tip", capitalised(input.name()),
                input.rangeTextProperty().get()), input.rangeTextProperty(), I18n.languageProperty()));
        editor.setTooltip(tip);
        editor.setOnAction(e -> input.commit());
        editor.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                input.commit();
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case ESCAPE -> {
                    String before = editor.getText();
                    input.revert();
                    if (!before.equals(editor.getText())) {
                        e.consume();   // an Esc that changed nothing is left to the window
                    }
                }
                case UP -> {
                    input.stepBy(1);
                    e.consume();
                }
                case DOWN -> {
                    input.stepBy(-1);
                    e.consume();
                }
                default -> {
                }
            }
        });

        hint.getStyleClass().addAll(HINT_CLASS, Styles.TEXT_SMALL);
        Wrapping.wrap(hint);
        hint.maxWidthProperty().bind(Bindings.max(HINT_WIDTH, editor.widthProperty()));
        hint.textProperty().bind(Bindings.when(input.problemProperty().isEmpty())
                .then(input.rangeTextProperty()).otherwise(input.problemProperty()));
        rangeLine.textProperty().bind(input.rangeTextProperty());
        rangeLine.fontProperty().bind(hint.fontProperty());
        input.problemProperty().addListener((o, a, p) -> showProblem(!p.isEmpty()));
        showProblem(!input.problemProperty().get().isEmpty());
        getChildren().addAll(editor, hint);
    }

    /**
     * As wide as the text field or its range line (up to {@value #HINT_WIDTH}), whatever the line
     * says: a problem wraps onto more lines instead of widening the field, so a row of fields does
     * not reflow while the learner is told what to fix.
     */
    @Override
    protected double computePrefWidth(double height) {
        double range = Math.min(HINT_WIDTH, Math.ceil(rangeLine.getLayoutBounds().getWidth())
                + hint.snappedLeftInset() + hint.snappedRightInset());
        return snappedLeftInset() + snappedRightInset() + Math.max(editor.prefWidth(-1), range);
    }

    public NumberInput input() {
        return input;
    }

    /** The text field (tests type into it; ids and widths go on it). */
    public TextField editor() {
        return editor;
    }

    /** The line under the field: the range, or the problem. */
    public Label hint() {
        return hint;
    }

    /** True while the line under the field says what is wrong. */
    public boolean showsProblem() {
        return !input.problemProperty().get().isEmpty();
    }

    /** Sets the text field's id (the id tests and the walk look for). */
    public NumberField setFieldId(String id) {
        editor.setId(id);
        return this;
    }

    public NumberField columns(int n) {
        editor.setPrefColumnCount(n);
        return this;
    }

    private void showProblem(boolean bad) {
        editor.pseudoClassStateChanged(Styles.STATE_DANGER, bad);
        hint.getStyleClass().removeAll(Styles.DANGER, "muted");
        hint.getStyleClass().add(bad ? Styles.DANGER : "muted");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
