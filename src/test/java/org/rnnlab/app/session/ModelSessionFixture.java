package org.rnnlab.app.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.rnnlab.text.PreparedData;
import org.testfx.util.WaitForAsyncUtils;

/** A small corpus and a session built on it, for the model steps' tests. */
public final class ModelSessionFixture {
    private static final String[] SUBJECTS = {"the president", "the congress", "our nation", "the people", "america"};
    private static final String[] VERBS = {"will build", "must protect", "can lead", "has made", "needs"};
    private static final String[] OBJECTS = {"a strong economy", "the world", "new jobs", "our future", "peace"};

    private ModelSessionFixture() {
    }

    /** Documents of simple sentences: a handful of words in regular patterns, so a small model learns them fast. */
    public static List<String> texts() {
        List<String> docs = new ArrayList<>();
        int k = 0;
        for (int d = 0; d < 25; d++) {
            StringBuilder b = new StringBuilder();
            for (int s = 0; s < 4; s++, k++) {
                b.append(SUBJECTS[k % SUBJECTS.length]).append(' ').append(VERBS[(k / 5) % VERBS.length]).append(' ')
                        .append(OBJECTS[(k * 3) % OBJECTS.length]).append(". ");
            }
            docs.add(b.toString());
        }
        return docs;
    }

    /** Installs the small corpus (vocabulary size {@code c}) into the session, on the FX thread. */
    public static PreparedData install(LessonSession session, int c) throws Exception {
        Corpus corpus = Corpus.of("fixture.txt", texts());
        PreparedData data = PreparedData.fromSentences(corpus.sentences(), c);
        WaitForAsyncUtils.asyncFx(() -> {
            // the learner's C is this data's: else the session rebuilds the corpus at its own C 300 ms later,
            // and a model for c that was not published by then never is (a test waiting for it timed out in CI)
            session.corpus().vocabularySizeProperty().set(c);
            session.corpus().install(corpus, data);
        }).get(10, TimeUnit.SECONDS);
        return data;
    }

    /** Waits (up to {@code seconds}) until {@code condition} holds, checked on the FX thread. */
    public static void waitFor(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            boolean[] ok = new boolean[1];
            WaitForAsyncUtils.asyncFx(() -> ok[0] = condition.getAsBoolean()).get(5, TimeUnit.SECONDS);
            return ok[0];
        });
    }

    /** Runs on the FX thread and waits. */
    public static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
    }

    static boolean onFx() {
        return Platform.isFxApplicationThread();
    }
}
