package org.rnnlab.app.session;

import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.rnnlab.app.support.BackgroundWork;

/** The corpus the lesson runs on and everything derived from it (tokens, vocabulary, training data). */
public final class CorpusSession {
    private final BackgroundWork work;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();

    public CorpusSession(BackgroundWork work) {
        this.work = work;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** Opens a corpus; what depends on it is rebuilt in the background. */
    public void open(Path path) {
        file.set(path);
    }

    BackgroundWork work() {
        return work;
    }
}
