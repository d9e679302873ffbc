package org.rnnlab.app.code;

import atlantafx.base.theme.Styles;
import java.util.Collection;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.widgets.Wrapping;

/**
 * A step's Code tab: the function behind the step, in the lesson's numpy and in the Java reference
 * the engine is tested against, one above the other, highlighted, selectable and copyable.
 */
public final class CodePane extends VBox {
    private static final Pattern PYTHON = Pattern.compile(
            "(?<COMMENT>#[^\\n]*)|(?<STRING>\"\"\"[\\s\\S]*?\"\"\"|\"[^\"\\n]*\"|'[^'\\n]*')"
                    + "|(?<KEYWORD>\\b(?:def|class|return|for|in|if|else|elif|while|not|and|or|import|from|as|self|None|True|False|break)\\b)"
                    + "|(?<NUMBER>\\b\\d+\\.?\\d*\\b)");
    private static final Pattern JAVA = Pattern.compile(
            "(?<COMMENT>//[^\\n]*|/\\*[\\s\\S]*?\\*/)|(?<STRING>\"(?:[^\"\\\\\\n]|\\\\.)*\")"
                    + "|(?<KEYWORD>\\b(?:public|private|static|final|double|int|boolean|void|new|return|for|if|else|while|"
                    + "this|break|null|true|false|record|class|enum)\\b)"
                    + "|(?<NUMBER>\\b\\d+\\.?\\d*\\b)");

    public CodePane(String snippet) {
        super(12);
        setId("codePane");
        setPadding(new Insets(4, 4, 4, 0));
        getStylesheets().add(CodePane.class.getResource("/org/rnnlab/app/code/code.css").toExternalForm());
        Label numpyTitle = new Label();
        numpyTitle.textProperty().bind(I18n.bind("bptt.code.numpy"));
        Label javaTitle = new Label();
        javaTitle.textProperty().bind(I18n.bind("bptt.code.java"));
        getChildren().addAll(
                block("codeNumpy", numpyTitle, Snippets.get(Snippets.Language.NUMPY, snippet), PYTHON),
                block("codeJava", javaTitle, Snippets.get(Snippets.Language.JAVA, snippet), JAVA));
    }

    private static Node block(String id, Label title, String code, Pattern syntax) {
        title.getStyleClass().add(Styles.TEXT_BOLD);
        CodeArea area = new CodeArea(code);
        area.setId(id);
        area.setEditable(false);
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.getStyleClass().add("code-area-rnnlab");
        area.setStyleSpans(0, highlight(code, syntax));
        Button copy = new Button(null, new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setId(id + "Copy");
        copy.textProperty().bind(I18n.bind("bptt.code.copy"));
        copy.getStyleClass().add(Styles.SMALL);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        Wrapping.wrap(title);
        title.setMinWidth(0);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(area.getSelectedText().isEmpty() ? area.getText() : area.getSelectedText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(title, Priority.SOMETIMES);
        HBox head = new HBox(8, title, gap, copy);
        head.setAlignment(Pos.CENTER_LEFT);
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        scroll.setMinHeight(120);
        VBox box = new VBox(4, head, scroll);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    /** Style classes for comments, strings, keywords and numbers. */
    static StyleSpans<Collection<String>> highlight(String text, Pattern syntax) {
        Matcher m = syntax.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String style = m.group("COMMENT") != null ? "code-comment" : m.group("STRING") != null ? "code-string"
                    : m.group("KEYWORD") != null ? "code-keyword" : "code-number";
            spans.add(Collections.emptyList(), m.start() - last);
            spans.add(Collections.singleton(style), m.end() - m.start());
            last = m.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
