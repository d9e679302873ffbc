package org.rnnlab.app.code;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.rnnlab.app.i18n.I18n;

/** The hook into a step's page: the live part in one tab, the step's code (built when first opened) in another. */
public final class CodeTab {
    private CodeTab() {
    }

    /** {@code interactive} in a "Step" tab beside a "Code" tab, or {@code interactive} itself for a step without code. */
    public static Node around(String stepId, Node interactive) {
        String snippet = StepCode.snippetOf(stepId);
        if (snippet == null) {
            return interactive;
        }
        Tab live = new Tab(null, interactive);
        live.setId(stepId + "LiveTab");
        live.textProperty().bind(I18n.bind("bptt.code.stepTab"));
        Tab code = new Tab();
        code.setId(stepId + "CodeTab");
        code.textProperty().bind(I18n.bind("bptt.code.tab"));
        code.setOnSelectionChanged(e -> {
            if (code.isSelected() && code.getContent() == null) {
                code.setContent(new CodePane(snippet));
            }
        });
        TabPane tabs = new TabPane(live, code);
        tabs.setId(stepId + "Tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.DENSE);
        return tabs;
    }
}
