package org.rnnlab.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.CancelledException;
import org.rnnlab.common.ProgressListener;

/**
 * Turns a corpus into counted sentences of token ids, the heavy part of {@code prepare}. The
 * calling thread reads documents and cuts them into batches; worker threads lower-case, split,
 * tokenize and count each batch in a table of their own, kept from batch to batch; the calling
 * thread merges the batches back in corpus order.
 *
 * <p>Why the ids come out as in one pass front to back (order of first occurrence, which the
 * ranking's tie rule needs): a word that is new to the whole corpus in batch k is new to the
 * worker that tokenized batch k, and the worker numbers its new words in their order within
 * the batch. So giving global ids to each batch's new words, batch after batch in corpus
 * order, numbers every word where it first occurs. At most a few batches are in flight, so
 * memory stays bounded however large the corpus.
 */
final class CorpusTokenizer {
    /** Characters of text in one batch. */
    static final int BATCH_CHARS = 1 << 18;

    record Result(FrequencyTable table, TokenStore sentences, long documents) {
    }

    /** A worker thread's table, kept from batch to batch; {@code toGlobal} belongs to the merging thread. */
    private static final class Worker {
        final FrequencyTable table = new FrequencyTable();
        final TextPipeline pipeline = new TextPipeline();
        int[] toGlobal = new int[1024];   // worker id -> global id

        Worker() {
            table.reserve(Tokens.START);   // id 0, as in the global table
        }
    }

    /**
     * One batch, tokenized: the words its worker met for the first time (ids from {@code firstNew}
     * on, in order), and its sentences as worker ids, one after the other ({@code lengths} says
     * where each ends).
     */
    private record Batch(Worker worker, int firstNew, String[] newWords, int[] tokens, int[] lengths, int sentences) {
    }

    private CorpusTokenizer() {
    }

    /**
     * One worker per processor but one, which reads the corpus (at least one worker); the system
     * property {@code rnnlab.text.workers} overrides it.
     */
    static int defaultWorkers() {
        Integer forced = Integer.getInteger("rnnlab.text.workers");
        if (forced != null && forced > 0) {
            return forced;
        }
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors() - 1));
    }

    static Result run(CorpusReader reader, ProgressListener progress, Cancellation cancel, int workers) {
        FrequencyTable table = new FrequencyTable();
        // The lesson meets SENTENCE_START first: it gets the first id, so it wins ties by first occurrence.
        table.reserve(Tokens.START);
        TokenStore sentences = new TokenStore();
        List<Worker> allWorkers = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Worker> workerOfThread = ThreadLocal.withInitial(() -> {
            Worker w = new Worker();
            allWorkers.add(w);
            return w;
        });
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "rnnlab-tokenize-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<Batch>> pending = new ArrayDeque<>();
        long[] documents = {0};
        try {
            List<List<String>> batch = new ArrayList<>(List.of(new ArrayList<>()));
            long[] chars = {0};
            reader.forEach(doc -> {
                documents[0]++;
                batch.get(0).add(doc.text());
                chars[0] += doc.text().length();
                if (chars[0] >= BATCH_CHARS) {
                    List<String> docs = batch.set(0, new ArrayList<>());
                    chars[0] = 0;
                    pending.add(pool.submit(() -> tokenize(workerOfThread.get(), docs, cancel)));
                    while (pending.size() > 2 * workers) {
                        merge(pending.poll(), table, sentences);
                    }
                }
            }, progress, cancel);
            if (!batch.get(0).isEmpty()) {
                List<String> docs = batch.get(0);
                pending.add(pool.submit(() -> tokenize(workerOfThread.get(), docs, cancel)));
            }
            while (!pending.isEmpty()) {
                merge(pending.poll(), table, sentences);
            }
        } finally {
            for (Future<Batch> f : pending) {
                f.cancel(true);
            }
            pool.shutdownNow();
        }
        // every batch is merged (Future.get saw each worker's last writes): add up the counts
        for (Worker w : allWorkers) {
            for (int id = 0; id < w.table.distinctTokens(); id++) {
                table.addCount(w.toGlobal[id], w.table.countOfId(id));
            }
        }
        return new Result(table, sentences, documents[0]);
    }

    /** The lesson's pre-processing of a batch of documents, counted in the worker's table. */
    private static Batch tokenize(Worker worker, List<String> docs, Cancellation cancel) {
        FrequencyTable local = worker.table;
        TreebankTokenizer tokenizer = worker.pipeline.tokenizer();
        int firstNew = local.distinctTokens();
        int startId = 0;
        int[][] tokens = {new int[1 << 16]};
        int[][] lengths = {new int[1024]};
        int[] size = {0};        // tokens so far
        int[] sentences = {0};
        int[] sentenceStart = {0};
        TreebankTokenizer.TokenSink sink = (src, a, b) -> {
            if (size[0] == tokens[0].length) {
                tokens[0] = Arrays.copyOf(tokens[0], size[0] * 2);
            }
            tokens[0][size[0]++] = local.idOf(src, a, b);
        };
        for (String doc : docs) {
            cancel.throwIfCancelled();
            worker.pipeline.forEachSentence(doc, sentence -> {
                sentenceStart[0] = size[0];
                sink.token(Tokens.START, 0, Tokens.START.length());   // counted now, taken back if no word follows
                tokenizer.tokenize(sentence, sink);
                if (size[0] == sentenceStart[0] + 1) {
                    size[0] = sentenceStart[0];
                    local.uncount(startId);
                    return;
                }
                sink.token(Tokens.END, 0, Tokens.END.length());
                if (sentences[0] == lengths[0].length) {
                    lengths[0] = Arrays.copyOf(lengths[0], sentences[0] * 2);
                }
                lengths[0][sentences[0]++] = size[0] - sentenceStart[0];
            });
        }
        String[] newWords = new String[local.distinctTokens() - firstNew];
        for (int i = 0; i < newWords.length; i++) {
            newWords[i] = local.wordOfId(firstNew + i);
        }
        return new Batch(worker, firstNew, newWords, tokens[0], lengths[0], sentences[0]);
    }

    /** Gives the batch's new words their global ids and adds its sentences, re-numbered, to the store. */
    private static void merge(Future<Batch> future, FrequencyTable table, TokenStore store) {
        Batch b;
        try {
            b = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
        Worker w = b.worker();
        int known = b.firstNew() + b.newWords().length;
        if (known > w.toGlobal.length) {
            w.toGlobal = Arrays.copyOf(w.toGlobal, Math.max(known, w.toGlobal.length * 2));
        }
        for (int i = 0; i < b.newWords().length; i++) {
            w.toGlobal[b.firstNew() + i] = table.reserve(b.newWords()[i]);
        }
        int[] global = w.toGlobal;
        int[] tokens = b.tokens();
        int offset = 0;
        for (int k = 0; k < b.sentences(); k++) {
            int length = b.lengths()[k];
            for (int i = offset; i < offset + length; i++) {
                tokens[i] = global[tokens[i]];
            }
            store.add(tokens, offset, length);
            offset += length;
        }
    }
}
