package org.rnnlab.app.support;

import javafx.geometry.Pos;
import javafx.scene.Node;
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

    @Override
    public void warn(String title, String text) {
        lastMessage = text;
        build(title, text).showWarning();
    }

    @Override
    public void info(String title, String text) {
        lastMessage = text;
        build(title, text).showInformation();
    }

    public static String describe(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && !(t instanceof UserException)) {
            t = t.getCause();
        }
        if (t instanceof UserException) {
            return t.getMessage();
        }
        if (t instanceof java.nio.file.NoSuchFileException nsf) {
            return "No such file: " + nsf.getFile() + ". Check the path and try again.";
        }
        if (t instanceof java.io.IOException) {
            return "Could not read or write a file: " + t.getMessage() + ".";
        }
        if (t instanceof OutOfMemoryError) {
            return "Out of memory. Try a smaller corpus, vocabulary or hidden size.";
        }
        return "Something went wrong: " + t + ".";
    }

    private Notifications build(String title, String text) {
        Notifications n = Notifications.create().title(title).text(text)
                .position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(8));
        if (owner != null && owner.getScene() != null) {
            n = n.owner(owner);
        }
        return n;
    }
}
