package org.rnnlab.app.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.rnnlab.app.RnnLabApp;
import org.rnnlab.text.PreparedData;
import org.testfx.util.WaitForAsyncUtils;

/** Small corpora and helpers shared by the tests of the corpus session and of the text steps. */
public final class CorpusSessionFixtures {
    /** The lesson's reference sample: 212 reddit comments (absent outside the team's machines). */
    public static final Path REDDIT_SAMPLE = Path.of("../shared/data/reddit-comments-sample.csv");

    private CorpusSessionFixtures() {
    }

    /**
     * A corpus of 40 comments whose word counts fall off steeply: "the" in every sentence, "cat"
     * in half, "dog" in a quarter, and one rare word per comment ("rare0", "rare1", ...); a few
     * comments end with "He left!", a sentence as short as the lesson's example pair.
     */
    public static List<String> comments() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            StringBuilder sb = new StringBuilder("The cat sat. The dog ran");
            if (i % 2 == 0) {
                sb.append(" far");
            }
            sb.append("! He left rare").append(i).append(".");
            if (i % 4 == 0) {
                sb.append(" I'd say it isn't the end.");
            }
            if (i % 8 == 3) {
                sb.append(" He left!");
            }
            out.add(sb.toString());
        }
        return out;
    }

    public static Corpus corpus() {
        return Corpus.of("fixture", comments());
    }

    /** Installs the fixture corpus with vocabulary size C (FX thread). */
    public static void install(CorpusSession session, int c) {
        Corpus corpus = corpus();
        session.vocabularySizeProperty().set(Math.min(c, corpus.maxVocabularySize()));
        session.install(corpus, PreparedData.fromSentences(corpus.sentences(), Math.min(c, corpus.maxVocabularySize())));
    }

    /** A scene with the app's stylesheets around {@code root}, shown on {@code stage}. */
    public static void show(Stage stage, Parent root) {
        org.rnnlab.app.support.Theme.apply();
        Scene scene = new Scene(root, 1280, 800);
        for (String css : RnnLabApp.STYLESHEETS) {
            scene.getStylesheets().add(RnnLabApp.class.getResource("/org/rnnlab/app/" + css).toExternalForm());
        }
        stage.setScene(scene);
        stage.show();
    }

    /** Waits (up to {@code seconds}) for {@code condition}, checked on the FX thread. */
    public static void await(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
