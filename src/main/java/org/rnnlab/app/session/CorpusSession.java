package org.rnnlab.app.session;

import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
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
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import javafx.util.Duration;
import org.rnnlab.app.support.BackgroundWork;
import org.rnnlab.app.support.FxBatcher;
import org.rnnlab.app.support.Notices;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.ProgressListener;
import org.rnnlab.text.CorpusReader;
import org.rnnlab.text.Document;
import org.rnnlab.text.FrequencyTable;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.TextPipeline;
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
    public static final int DEFAULT_VOCABULARY_SIZE = 8000;
    /** The smallest useful vocabulary: SENTENCE_START, SENTENCE_END and UNKNOWN_TOKEN. */
    public static final int MIN_VOCABULARY_SIZE = 3;
    /** Documents kept for browsing ("pick a comment"); a bigger corpus is still counted whole. */
    public static final int KEPT_DOCUMENTS = 5000;
    /** How long C must stay still (e.g. while a slider moves) before the training data are rebuilt. */
    static final Duration REBUILD_DELAY = Duration.millis(300);

    private final BackgroundWork work;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ObjectProperty<Corpus> corpus = new SimpleObjectProperty<>();
    private final ObjectProperty<Summary> summary = new SimpleObjectProperty<>();
    private final ObjectProperty<PreparedData> prepared = new SimpleObjectProperty<>();
    private final IntegerProperty vocabularySize = new SimpleIntegerProperty(DEFAULT_VOCABULARY_SIZE);
    private final IntegerProperty maxVocabularySize = new SimpleIntegerProperty(DEFAULT_VOCABULARY_SIZE);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final BooleanProperty rebuilding = new SimpleBooleanProperty(false);

    private PauseTransition rebuildDelay;
    private long openGeneration;
    private long rebuildGeneration;
    private Cancellation openCancel;
    private Task<?> rebuildTask;
    private FxBatcher<Summary> liveSummaries;

    public CorpusSession(BackgroundWork work) {
        this.work = work;
        vocabularySize.addListener((obs, old, now) -> vocabularySizeChanged());
    }

    // ---------------------------------------------------------------- what steps observe

    /** The file or folder of the corpus now loaded; null until the first one is read. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The corpus now loaded (documents, sentences, token counts); null until the first one is read. */
    public ReadOnlyObjectProperty<Corpus> corpusProperty() {
        return corpus;
    }

    /**
     * The numbers of the corpus: while a file streams in they grow ({@link Summary#complete()} false);
     * if that file then fails, they go back to those of the corpus still loaded.
     */
    public ReadOnlyObjectProperty<Summary> summaryProperty() {
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

    // ---------------------------------------------------------------- actions

    /**
     * Reads a corpus (.csv with a {@code body} column, .txt, or a folder of .txt) in the background.
     * The numbers stream into {@link #summaryProperty()}; on success the corpus and its training
     * data replace the old ones; on failure a notice says why and the old corpus stays.
     */
    public void open(Path path) {
        if (openCancel != null) {
            openCancel.cancel();   // a newer open wins
        }
        long generation = ++openGeneration;
        Cancellation mine = new Cancellation();
        openCancel = mine;
        Summary before = corpus.get() == null ? null : corpus.get().summary();
        loading.set(true);
        if (liveSummaries == null) {
            liveSummaries = new FxBatcher<>(batch -> {
                Summary last = batch.get(batch.size() - 1);
                if (loading.get() && last.generation() == openGeneration) {
                    summary.set(last);
                }
            });
        }
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        int askedC = vocabularySize.get();
        Task<Loaded> task;
        try {
            task = submitOpen(path, name, generation, mine, askedC);
        } catch (RejectedExecutionException e) {
            loading.set(false);   // the app is closing
            return;
        }
        // Failed or cancelled (BackgroundWork does not call back on a cancel): the old corpus stays.
        javafx.event.EventHandler<WorkerStateEvent> restore = e -> {
            if (generation == openGeneration) {
                openCancel = null;
                loading.set(false);
                summary.set(before);
            }
        };
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, restore);
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, restore);
    }

    private Task<Loaded> submitOpen(Path path, String name, long generation, Cancellation mine, int askedC) {
        return work.submit("Reading " + name, job -> {
            Corpus read = Corpus.read(path, null, job.progress(), job.cancel(), mine,
                    s -> liveSummaries.post(s.withGeneration(generation)));
            mine.throwIfCancelled();
            int c = clamp(askedC, read.maxVocabularySize());
            job.progress().progress(-1, -1, "Building the vocabulary (C = " + NumberText.count(c) + ")");
            PreparedData data = PreparedData.fromSentences(read.sentences(), c, read.documentCount(),
                    read.malformedBytes(), read.description());
            return new Loaded(read, data, c);
        }, loaded -> {
            if (generation != openGeneration) {
                return;
            }
            openCancel = null;
            loading.set(false);
            install(loaded.corpus(), loaded.prepared());
        }, error -> {
            Corpus old = corpus.get();
            Notices.warn("Cannot open " + name, Notices.describe(error)
                    + (old == null ? "" : " The corpus " + old.description() + " stays loaded."));
        });
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
        int asked = clamp(vocabularySize.get(), loaded.maxVocabularySize());
        prepared.set(data);
        if (asked != vocabularySize.get()) {
            vocabularySize.set(asked);   // schedules a rebuild only if it differs from data's C
        } else if (asked != c) {
            scheduleRebuild();
        }
    }

    private void vocabularySizeChanged() {
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
            return;
        }
        rebuildTask.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> doneRebuilding(generation));
        rebuildTask.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> doneRebuilding(generation));
    }

    private Task<PreparedData> submitRebuild(Corpus source, int c, long generation) {
        return work.submit("Building the vocabulary (C = " + NumberText.count(c) + ")",
                job -> PreparedData.fromSentences(source.sentences(), c, source.documentCount(),
                        source.malformedBytes(), source.description()),
                data -> {
                    if (generation == rebuildGeneration && corpus.get() == source) {
                        rebuildTask = null;
                        rebuilding.set(false);
                        prepared.set(data);
                    }
                });
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

    BackgroundWork work() {
        return work;
    }

    private record Loaded(Corpus corpus, PreparedData prepared, int vocabularySize) {
    }

    // ---------------------------------------------------------------- the data

    /**
     * What the app knows about a corpus while it is loaded: every sentence as tokens (kept as int
     * ids, 4 bytes a token), the token counts, and the first {@link #KEPT_DOCUMENTS} documents.
     * Immutable; safe to read from any thread.
     *
     * @param path          the file or folder
     * @param description   e.g. "state-of-the-union.csv (CSV, column body)"
     * @param documents     the first documents, up to {@link #KEPT_DOCUMENTS}
     * @param documentCount all documents of the corpus
     */
    public record Corpus(Path path, String description, List<Document> documents, long documentCount,
                         List<String> words, List<int[]> sentenceIds, FrequencyTable frequencies,
                         long malformedBytes) {

        /**
         * Reads and tokenizes a corpus the lesson's way ({@link TextPipeline}), on the calling thread.
         *
         * @param column CSV column, null for "body"
         * @param live   gets the numbers so far about ten times a second, and once at the end (may be null)
         */
        public static Corpus read(Path path, String column, ProgressListener progress, Cancellation cancel,
                                  Consumer<Summary> live) {
            return read(path, column, progress, cancel, Cancellation.NONE, live);
        }

        /** As above, also stopping when {@code superseded} is cancelled (a newer file was opened). */
        static Corpus read(Path path, String column, ProgressListener progress, Cancellation cancel,
                           Cancellation superseded, Consumer<Summary> live) {
            CorpusReader reader = CorpusReader.open(path, column);
            Builder b = new Builder(reader.description());
            long[] lastPost = {System.nanoTime()};
            reader.forEach(doc -> {
                superseded.throwIfCancelled();
                b.add(doc);
                long now = System.nanoTime();
                if (live != null && now - lastPost[0] > 100_000_000L) {
                    lastPost[0] = now;
                    live.accept(b.summary(false, 0));
                }
            }, progress, cancel);
            if (b.sentences.isEmpty()) {
                throw new org.rnnlab.common.UserException(reader.description() + " holds no sentences ("
                        + b.documentCount + " documents without words); open a file with text");
            }
            Corpus corpus = b.build(path, reader.malformedBytes());
            if (live != null) {
                live.accept(corpus.summary());
            }
            return corpus;
        }

        /** A corpus made from texts in memory, one per document (for tests and examples). */
        public static Corpus of(String name, List<String> texts) {
            Builder b = new Builder(name);
            for (int i = 0; i < texts.size(); i++) {
                b.add(new Document(i, texts.get(i)));
            }
            return b.build(Path.of(name), 0);
        }

        public int sentenceCount() {
            return sentenceIds.size();
        }

        /** Sentence i as the pipeline made it (START ... END), before any UNKNOWN_TOKEN replacement. */
        public List<String> sentenceTokens(int i) {
            int[] ids = sentenceIds.get(i);
            return new AbstractList<>() {
                @Override
                public String get(int k) {
                    return words.get(ids[k]);
                }

                @Override
                public int size() {
                    return ids.length;
                }
            };
        }

        /** Every sentence as tokens: a view, in corpus order (the order of {@link PreparedData}'s sentences). */
        public List<List<String>> sentences() {
            return new AbstractList<>() {
                @Override
                public List<String> get(int i) {
                    return sentenceTokens(i);
                }

                @Override
                public int size() {
                    return sentenceIds.size();
                }
            };
        }

        /** True when only the first {@link #KEPT_DOCUMENTS} documents are kept for browsing. */
        public boolean documentsTruncated() {
            return documents.size() < documentCount;
        }

        /** The largest useful C: every distinct token (a literal UNKNOWN_TOKEN aside) plus UNKNOWN_TOKEN. */
        public int maxVocabularySize() {
            return frequencies.keptWords(Integer.MAX_VALUE) + 1;
        }

        public Summary summary() {
            return new Summary(description, documentCount, sentenceIds.size(), frequencies.totalTokens(),
                    frequencies.distinctTokens(), malformedBytes, documents.size(), true, 0);
        }
    }

    /** Accumulates a corpus document by document. */
    private static final class Builder {
        final String description;
        final TextPipeline pipeline = new TextPipeline();
        final FrequencyTable table = new FrequencyTable();
        final Map<String, Integer> ids = new HashMap<>();
        final List<String> words = new ArrayList<>();
        final List<int[]> sentences = new ArrayList<>();
        final List<Document> documents = new ArrayList<>();
        long documentCount;

        Builder(String description) {
            this.description = description;
        }

        void add(Document doc) {
            documentCount++;
            if (documents.size() < KEPT_DOCUMENTS) {
                documents.add(doc);
            }
            for (List<String> sentence : pipeline.sentences(doc.text())) {
                table.add(sentence);
                int[] s = new int[sentence.size()];
                for (int k = 0; k < s.length; k++) {
                    String w = sentence.get(k);
                    Integer id = ids.get(w);
                    if (id == null) {
                        id = words.size();
                        ids.put(w, id);
                        words.add(w);
                    }
                    s[k] = id;
                }
                sentences.add(s);
            }
        }

        Summary summary(boolean complete, long malformed) {
            return new Summary(description, documentCount, sentences.size(), table.totalTokens(),
                    table.distinctTokens(), malformed, documents.size(), complete, 0);
        }

        Corpus build(Path path, long malformed) {
            return new Corpus(path, description, Collections.unmodifiableList(documents), documentCount,
                    Collections.unmodifiableList(words), Collections.unmodifiableList(sentences), table, malformed);
        }
    }

    /**
     * The corpus in numbers, as the Corpus step shows them.
     *
     * @param tokens         word tokens, SENTENCE_START and SENTENCE_END included
     * @param malformedBytes bytes that were not UTF-8 and were replaced
     * @param keptDocuments  documents kept for browsing
     * @param complete       false while the file is still being read
     */
    public record Summary(String description, long documents, long sentences, long tokens, int distinctTokens,
                          long malformedBytes, int keptDocuments, boolean complete, long generation) {
        Summary withGeneration(long g) {
            return new Summary(description, documents, sentences, tokens, distinctTokens, malformedBytes,
                    keptDocuments, complete, g);
        }
    }
}
