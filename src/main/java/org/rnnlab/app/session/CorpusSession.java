package org.rnnlab.app.session;

import org.rnnlab.app.i18n.I18n;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;
import org.rnnlab.app.support.Background;
import org.rnnlab.app.support.FxBatcher;
import org.rnnlab.app.support.Notices;
import org.rnnlab.app.support.Notifier;
import org.rnnlab.common.Cancellation;
import org.rnnlab.text.CorpusReader;
import org.rnnlab.text.PreparedData;
import org.rnnlab.app.support.NumberText;

/**
 * The corpus the lesson runs on and everything derived from it: the documents, the token counts,
 * and the training data ({@link PreparedData}) for the current vocabulary size C.
 *
 * <p>Reading a file and rebuilding the vocabulary both run through {@link BackgroundWork}, so the
 * status bar shows their progress and can cancel them. A file that cannot be used becomes a notice
 * and the corpus already loaded stays. Changing C rebuilds only the vocabulary and the training
 * data, from the sentences kept in memory, never re-reading the file.
 *
 * <p>All methods and properties belong to the FX thread.
 */
public final class CorpusSession {
    /** The lesson's vocabulary size. */
    public static final int DEFAULT_VOCABULARY_SIZE = org.rnnlab.common.LessonDefaults.WORD_DIM;
    /** The smallest useful vocabulary: SENTENCE_START, SENTENCE_END and UNKNOWN_TOKEN. */
    public static final int MIN_VOCABULARY_SIZE = 3;
    /** Documents kept for browsing ("pick a comment"); a bigger corpus is still counted whole. */
    public static final int KEPT_DOCUMENTS = 5000;
    /** How long C must stay still (e.g. while a slider moves) before the training data are rebuilt. */
    static final Duration REBUILD_DELAY = Duration.millis(300);

    private final Background work;
    private final Notifier notifier;
    private ColumnChooser columnChooser = (file, columns) -> null;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ObjectProperty<Corpus> corpus = new SimpleObjectProperty<>();
    private final ObjectProperty<CorpusSummary> summary = new SimpleObjectProperty<>();
    private final ObjectProperty<PreparedData> prepared = new SimpleObjectProperty<>();
    private final IntegerProperty vocabularySize = new SimpleIntegerProperty(DEFAULT_VOCABULARY_SIZE);
    private final IntegerProperty maxVocabularySize = new SimpleIntegerProperty(DEFAULT_VOCABULARY_SIZE);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final BooleanProperty rebuilding = new SimpleBooleanProperty(false);

    private PauseTransition rebuildDelay;
    private long openGeneration;
    private long rebuildGeneration;
    private Cancellation openCancel;
    private Background.Running rebuildTask;
    private int requestedVocabularySize = DEFAULT_VOCABULARY_SIZE;
    private boolean clamping;
    private FxBatcher<CorpusSummary> liveSummaries;

    public CorpusSession(Background work, Notifier notifier) {
        this.work = work;
        this.notifier = notifier;
        vocabularySize.addListener((obs, old, now) -> vocabularySizeChanged());
    }

    /** Asks which column of a CSV file holds the text; null when the learner declines. */
    @FunctionalInterface
    public interface ColumnChooser {
        String choose(String fileName, List<String> columns);
    }

    /** Who asks for the text column of a CSV file without a {@code body} column (the window sets a dialog). */
    public void setColumnChooser(ColumnChooser chooser) {
        this.columnChooser = chooser;
    }

    // ---------------------------------------------------------------- what steps observe

    /** The file or folder of the corpus now loaded; null until the first one is read. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The corpus now loaded (documents, sentences, token counts); null until the first one is read. */
    private String openedColumn;

    public ReadOnlyObjectProperty<Corpus> corpusProperty() {
        return corpus;
    }

    /**
     * The numbers of the corpus: while a file streams in they grow ({@link CorpusSummary#complete()} false);
     * if that file then fails, they go back to those of the corpus still loaded.
     */
    public ReadOnlyObjectProperty<CorpusSummary> summaryProperty() {
        return summary;
    }

    /** The training data for the current C; null until ready. Replaced (never mutated) when the corpus or C changes. */
    public ReadOnlyObjectProperty<PreparedData> preparedProperty() {
        return prepared;
    }

    /**
     * C, the vocabulary size asked for (the lesson's 8000). Clamped to 3..{@link #maxVocabularySizeProperty()}
     * when a corpus loads. Changes rebuild {@link #preparedProperty()} in the background once C stays still.
     */
    public IntegerProperty vocabularySizeProperty() {
        return vocabularySize;
    }

    /** The largest useful C for the loaded corpus: every distinct token plus UNKNOWN_TOKEN. */
    public ReadOnlyIntegerProperty maxVocabularySizeProperty() {
        return maxVocabularySize;
    }

    /** True while a file is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** True while the vocabulary and training data are being rebuilt for a new C. */
    public ReadOnlyBooleanProperty rebuildingProperty() {
        return rebuilding;
    }

    /** The CSV column the current corpus was read from when it was not the default, else null. */
    public String column() {
        return openedColumn;
    }

    // ---------------------------------------------------------------- actions

    /**
     * Reads a corpus (.csv with a {@code body} column, .txt, or a folder of .txt) in the background.
     * The numbers stream into {@link #summaryProperty()}; on success the corpus and its training
     * data replace the old ones; on failure a notice says why and the old corpus stays.
     */
    public void open(Path path) {
        open(path, null);
    }

    /** Opens {@code path} with the learner's C set to {@code c} (the lesson's reset), without rebuilding the corpus now open. */
    public void openAt(Path path, int c) {
        requestedVocabularySize = c;
        clamping = true;
        try {
            vocabularySize.set(c);
        } finally {
            clamping = false;
        }
        open(path, null);
    }

    /** As {@link #open(Path)}, reading the text of a CSV file from {@code column} (null: {@code body}). */
    public void open(Path path, String column) {
        if (openCancel != null) {
            openCancel.cancel();   // a newer open wins
        }
        long generation = ++openGeneration;
        Cancellation mine = new Cancellation();
        openCancel = mine;
        CorpusSummary before = corpus.get() == null ? null : corpus.get().summary();
        loading.set(true);
        if (liveSummaries == null) {
            liveSummaries = new FxBatcher<>(batch -> {
                CorpusSummary last = batch.get(batch.size() - 1);
                if (loading.get() && last.generation() == openGeneration) {
                    summary.set(last);
                }
            });
        }
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        int askedC = vocabularySize.get();
        // Failed or cancelled (a cancel calls neither success nor failure): the old corpus stays.
        Runnable restore = () -> {
            if (generation == openGeneration) {
                openCancel = null;
                loading.set(false);
                summary.set(before);
            }
        };
        try {
            submitOpen(path, column, name, generation, mine, askedC, restore);
        } catch (RejectedExecutionException e) {
            loading.set(false);   // the app is closing
        }
    }

    private void submitOpen(Path path, String column, String name, long generation, Cancellation mine, int askedC,
                            Runnable restore) {
        work.submit(I18n.text("app.corpus.readingWork", name), job -> {
            Corpus read = Corpus.read(path, column, job.progress(), job.cancel(), mine,
                    s -> liveSummaries.post(s.withGeneration(generation)));
            mine.throwIfCancelled();
            int c = clamp(askedC, read.maxVocabularySize());
            job.progress().progress(-1, -1, I18n.text("app.corpus.buildingWork", c));
            PreparedData data = PreparedData.fromSentences(read.sentences(), c, read.documentCount(),
                    read.malformedBytes(), read.description());
            return new Loaded(read, data, c);
        }, loaded -> {
            if (generation != openGeneration) {
                return;
            }
            openCancel = null;
            loading.set(false);
            openedColumn = column; // the recent corpora remember it
            install(loaded.corpus(), loaded.prepared());
        }, error -> {
            restore.run();
            Corpus old = corpus.get();
            String stays = old == null ? "" : I18n.text("app.corpus.stays", CorpusDescriptions.display(old.description()));
            if (error instanceof CorpusReader.MissingColumn missing && !missing.columns().isEmpty()) {
                // the window can do what the command line's --column does: ask which column holds the text
                String chosen = columnChooser.choose(name, missing.columns());
                if (chosen != null) {
                    open(path, chosen);
                } else {
                    notifier.warn(I18n.text("app.corpus.cannotOpen", name),
                            I18n.text("app.corpus.noColumn", name, column == null ? "body" : column) + stays);
                }
                return;
            }
            notifier.warn(I18n.text("app.corpus.cannotOpen", name), Notices.sentence(Notices.describe(error)) + stays);
        }, restore);
    }

    /**
     * Makes {@code loaded} the current corpus with training data {@code data} at once (FX thread).
     * For callers that already hold both, such as tests; {@link #open(Path)} ends here too.
     */
    public void install(Corpus loaded, PreparedData data) {
        cancelRebuild();
        corpus.set(loaded);
        summary.set(loaded.summary());
        maxVocabularySize.set(loaded.maxVocabularySize());
        file.set(loaded.path());
        int c = data.vocabulary().size();
        // the learner's own C, clamped to this corpus only: a small corpus does not shrink it for the next one
        int asked = clamp(requestedVocabularySize, loaded.maxVocabularySize());
        prepared.set(data);
        if (asked != vocabularySize.get()) {
            clamping = true;
            try {
                vocabularySize.set(asked);   // schedules a rebuild only if it differs from data's C
            } finally {
                clamping = false;
            }
        } else if (asked != c) {
            scheduleRebuild();
        }
    }

    /** The C the learner asked for last (the lesson's 8,000 until then), before any corpus clamps it. */
    public int requestedVocabularySize() {
        return requestedVocabularySize;
    }

    private void vocabularySizeChanged() {
        if (!clamping) {
            requestedVocabularySize = vocabularySize.get();
        }
        if (corpus.get() == null || loading.get()) {
            return;   // the load in progress uses C as it finds it when done
        }
        scheduleRebuild();
    }

    private void scheduleRebuild() {
        if (rebuildDelay == null) {
            rebuildDelay = new PauseTransition(REBUILD_DELAY);
            rebuildDelay.setOnFinished(e -> rebuild());
        }
        rebuildDelay.playFromStart();
    }

    private void cancelRebuild() {
        rebuildGeneration++;
        if (rebuildDelay != null) {
            rebuildDelay.stop();
        }
        if (rebuildTask != null) {
            rebuildTask = null;
            rebuilding.set(false);
        }
    }

    private void rebuild() {
        Corpus source = corpus.get();
        if (source == null || loading.get()) {
            return;
        }
        int c = clamp(vocabularySize.get(), source.maxVocabularySize());
        PreparedData now = prepared.get();
        if (now != null && now.vocabulary().size() == c && now.size() == source.sentenceCount()) {
            return;
        }
        long generation = ++rebuildGeneration;
        rebuilding.set(true);
        try {
            rebuildTask = submitRebuild(source, c, generation);
        } catch (RejectedExecutionException e) {
            rebuilding.set(false);   // the app is closing: nothing left to rebuild for
        }
    }

    private Background.Running submitRebuild(Corpus source, int c, long generation) {
        String title = I18n.text("app.corpus.buildingWork", c);
        return work.submit(title,
                job -> PreparedData.fromSentences(source.sentences(), c, source.documentCount(),
                        source.malformedBytes(), source.description()),
                data -> {
                    if (generation == rebuildGeneration && corpus.get() == source) {
                        rebuildTask = null;
                        rebuilding.set(false);
                        prepared.set(data);
                    }
                }, error -> {
                    doneRebuilding(generation);
                    notifier.failure(title, error);
                }, () -> doneRebuilding(generation));
    }

    private void doneRebuilding(long generation) {
        if (generation == rebuildGeneration) {
            rebuildTask = null;
            rebuilding.set(false);
        }
    }

    static int clamp(int c, int max) {
        return Math.max(MIN_VOCABULARY_SIZE, Math.min(c, Math.max(MIN_VOCABULARY_SIZE, max)));
    }

    private record Loaded(Corpus corpus, PreparedData prepared, int vocabularySize) {
    }
}
