package org.rnnlab.app.steps.bptt;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.rnnlab.app.i18n.I18n;

/** The BPTT step's words and formulas: the explanation column follows the language. */
final class BpttText {
    /** The delta's recursion, the step's formula. */
    static final String DELTA = "\\begin{array}{l}\\delta_t=V^T(\\hat y_t-y_t)\\odot(1-s_t^2)"
            + "\\\\\\delta_{k}=(W^T\\delta_{k+1})\\odot(1-s_{k}^2)\\end{array}";
    static final String DL_DV = "\\frac{\\partial L_t}{\\partial V}=(\\hat y_t-y_t)\\otimes s_t";
    static final String DL_DW = "\\frac{\\partial L_t}{\\partial W}=\\sum_{k=0}^{t}\\frac{\\partial L_t}{\\partial \\hat y_t}"
            + "\\frac{\\partial \\hat y_t}{\\partial s_t}\\left(\\prod_{j=k+1}^{t}\\frac{\\partial s_j}{\\partial s_{j-1}}\\right)"
            + "\\frac{\\partial s_k}{\\partial W}=\\sum_{k=0}^{t}\\delta_k\\otimes s_{k-1}";
    static final String DL_DU = "\\frac{\\partial L_t}{\\partial U_{:,x_k}}\\mathrel{+}=\\delta_k\\quad(k=t,t-1,\\dots,0)";

    private static final String[] PARAGRAPHS = {I18n.key("bptt.explanation.1"), I18n.key("bptt.explanation.2"),
        I18n.key("bptt.explanation.3"), I18n.key("bptt.explanation.4")};

    private BpttText() {
    }

    /** The paragraphs in the current language (bound to it again by {@link #bindPage}). */
    static String[] explanation() {
        String[] out = new String[PARAGRAPHS.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = I18n.text(PARAGRAPHS[i]);
        }
        return out;
    }

    /** Binds the page's heading and explanation paragraphs, built by StepPage as plain text, to the language. */
    static void bindPage(BorderPane page) {
        if (page.getTop() instanceof Label heading) {
            heading.textProperty().bind(I18n.bind("bptt.step.title"));
        }
        if (page.getLeft() instanceof ScrollPane scroll && scroll.getContent() instanceof Pane side) {
            int p = 0;
            for (Node n : side.getChildren()) {
                if (n instanceof TextFlow flow && p < PARAGRAPHS.length && !flow.getChildren().isEmpty()
                        && flow.getChildren().get(0) instanceof Text text) {
                    text.textProperty().bind(I18n.bind(PARAGRAPHS[p++]));
                }
            }
        }
    }
}
