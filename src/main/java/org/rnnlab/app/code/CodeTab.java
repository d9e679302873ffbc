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
        Relay relay = new Relay(interactive);
        Tab live = new Tab(null, relay);
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
        TabPane tabs = new StepTabs(live, code);
        relay.tabs = tabs;
        tabs.setId(stepId + "Tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.DENSE);
        return tabs;
    }

    /**
     * Tabs whose minimum height is their open tab's: a TabPane's own is its headers', so a page
     * whose live part needed more height than the window had was squeezed into it, its last chart
     * cut off behind the status bar, and the window's scroll pane, told the page fitted, offered no
     * scroll bar (at 1280 x 800 the Gradient check's heatmap lost 86 px at the default text size).
     */
    private static final class StepTabs extends TabPane {
        StepTabs(Tab... tabs) {
            super(tabs);
            getSelectionModel().selectedItemProperty().addListener((o, a, b) -> requestLayout());
        }

        @Override
        protected double computeMinHeight(double width) {
            double own = super.computeMinHeight(width);
            Tab open = getSelectionModel().getSelectedItem();
            if (open == null || open.getContent() == null || !(lookup(".tab-header-area") instanceof javafx.scene.layout.Region header)) {
                return own;
            }
            double inside = width < 0 ? -1 : Math.max(0, width - snappedLeftInset() - snappedRightInset());
            return Math.max(own, snappedTopInset() + header.prefHeight(-1) + open.getContent().minHeight(inside) + snappedBottomInset());
        }
    }

    /**
     * The live part, telling its tabs when the height it needs has changed. A TabPane lays each
     * tab's content out on its own (an unmanaged region), so what the content asks for stops
     * there: a result's text arriving on the Loss step never reached the page, whose scroll pane
     * kept it at its old height and cut the chart's bottom 93 px off (18 px text, 1280 x 800).
     * Coalesced to one look a pulse, outside layout, and passed on only when the height changed:
     * a chart's redraws stay where they are.
     */
    private static final class Relay extends javafx.scene.layout.StackPane {
        private TabPane tabs;
        private double told = -1;
        private boolean pending;

        Relay(Node content) {
            super(content);
        }

        @Override
        public void requestLayout() {
            super.requestLayout();
            if (tabs != null && !pending) {
                pending = true;
                javafx.application.Platform.runLater(() -> {
                    pending = false;
                    double need = getWidth() > 0 ? minHeight(getWidth()) : -1;
                    if (Math.abs(need - told) > 0.5) {
                        told = need;
                        tabs.requestLayout();
                    }
                });
            }
        }
    }
}
