package org.rnnlab.app.support;

import org.rnnlab.app.i18n.I18n;
import javafx.geometry.Pos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.rnnlab.common.UserException;

/** The app's {@link Notifier}: ControlsFX notifications over the window (FX thread). */
public final class Notices implements Notifier {
    private Node owner;
    private volatile String lastMessage;

    /** The node whose window notices appear over (set once by the main window). */
    public void setOwner(Node node) {
        owner = node;
    }

    /** The text of the last notice shown: lets tests and the status bar read it. */
    public String lastMessage() {
        return lastMessage;
    }

    /** How long a notice stays: long enough to read it aloud to a class; it can be closed sooner. */
    public static final Duration SHOWN_FOR = Duration.seconds(20);

    @Override
    public void warn(String title, String text) {
        String said = sentence(text);
        lastMessage = said;
        build(title, said, true).show();
    }

    @Override
    public void info(String title, String text) {
        String said = sentence(text);
        lastMessage = said;
        build(title, said, false).show();
    }

    /** The text as a full sentence: it ends with a full stop (or ! or ?). */
    public static String sentence(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.endsWith(".") || t.endsWith("!") || t.endsWith("?") || t.endsWith("\u3002") || t.endsWith("\uff01") || t.endsWith("\uff1f")) {
            return t;
        }
        return t + I18n.text("app.notice.fullStop");
    }

    /** What went wrong, for people, in the window's language. */
    public static String describe(Throwable error) {
        return describe(error, I18n.language());
    }

    /** What went wrong, for people, in {@code language}. */
    static String describe(Throwable error, org.rnnlab.app.i18n.Language language) {
        Throwable t = error;
        while (t.getCause() != null && !(t instanceof UserException)) {
            t = t.getCause();
        }
        if (t instanceof UserException u) {
            // a sentence of the layers below is said again in the window's language
            return u.key() == null ? u.getMessage() : org.rnnlab.common.Messages.text(language.locale(), u.key(), u.args());
        }
        if (t instanceof java.nio.file.NoSuchFileException nsf) {
            return I18n.text(language, "app.error.noSuchFile", nsf.getFile());
        }
        if (t instanceof java.io.IOException) {
            return I18n.text(language, "app.error.io", org.rnnlab.common.IoReason.of((java.io.IOException) t));
        }
        if (t instanceof OutOfMemoryError) {
            return I18n.text(language, "app.error.memory");
        }
        return I18n.text(language, "app.error.other", t);
    }

    private Notifications build(String title, String text, boolean warning) {
        // The text goes in a wrapping label no wider than the window, so a long notice is never cut.
        double windowWidth = owner != null && owner.getScene() != null ? owner.getScene().getWidth() : 800;
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(Math.max(240, Math.min(560, windowWidth - 120)));
        body.setMinHeight(Region.USE_PREF_SIZE);
        body.getStyleClass().add("notice-text");
        FontIcon icon = new FontIcon(warning ? MaterialDesignA.ALERT_OUTLINE : MaterialDesignI.INFORMATION_OUTLINE);
        icon.setIconSize(28);
        icon.getStyleClass().add(warning ? "notice-warning-icon" : "notice-info-icon");
        HBox content = new HBox(12, icon, body);
        content.setAlignment(Pos.CENTER_LEFT);
        content.setPadding(new Insets(4, 8, 4, 4));
        Notifications n = Notifications.create().title(title).graphic(content)
                .position(Pos.BOTTOM_RIGHT).hideAfter(SHOWN_FOR);
        if (owner != null && owner.getScene() != null) {
            n = n.owner(owner);
        }
        return n;
    }
}
