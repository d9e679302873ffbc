package org.rnnlab.app.steps.training;

import org.rnnlab.app.i18n.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rnnlab.app.session.ModelStore;
import org.rnnlab.app.support.QueryLane;
import org.rnnlab.engine.GenerationOptions;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.engine.SentenceGenerator;
import org.rnnlab.text.Vocabulary;

/** What the model writes while it learns: a few sentences drawn from the current parameters. */
final class SampleSentences {
    static final int SAMPLE_SENTENCES = 3;
    /** The same seed every time: the draws stay comparable, so what changes is the model. */
    static final long SAMPLE_SEED = 7;


    private final ModelStore store;
    private final QueryLane queries;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty(I18n.text("training.samples.title"));

    SampleSentences(ModelStore store, QueryLane queries) {
        this.store = store;
        this.queries = queries;
    }

    ObservableList<String> lines() {
        return lines;
    }

    ReadOnlyStringProperty titleProperty() {
        return title;
    }

    void clear() {
        lines.clear();
        title.set(I18n.text("training.samples.title"));
    }

    /** New sentences from the current model, on the query lane. */
    void refresh() {
        RnnModel m = store.model();
        Vocabulary v = store.vocabulary();
        if (m == null || v == null) {
            return;
        }
        String when = store.descriptionProperty().get();
        queries.query("trainingSamples", () -> sample(m, v), drawn -> {
            title.set(I18n.text("training.samples.titleOf", org.rnnlab.app.session.ModelDescriptions.display(when)));
            lines.setAll(drawn);
        }, e -> { }); // a sample that fails is simply not shown; the next one comes soon
    }

    /** {@link #SAMPLE_SENTENCES} sentences by the lesson's rule, the same draws every time (query thread). */
    static List<String> sample(RnnModel m, Vocabulary v) {
        SentenceGenerator g = new SentenceGenerator(m);
        SplittableRandom rng = new SplittableRandom(SAMPLE_SEED);
        GenerationOptions o = new GenerationOptions(5, 25, 1.0, v.startIndex(), v.endIndex(), v.unknownIndex());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < SAMPLE_SENTENCES; i++) {
            StringBuilder b = new StringBuilder();
            for (int w : g.generate(o, rng).words()) {
                b.append(b.length() == 0 ? "" : " ").append(v.word(w));
            }
            out.add(b.toString());
        }
        return out;
    }
}
