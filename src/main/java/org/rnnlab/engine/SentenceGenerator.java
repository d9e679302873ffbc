package org.rnnlab.engine;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.rnnlab.common.UserException;

/**
 * Samples sentences by the lesson's rule: start from SENTENCE_START, draw the next word from the
 * predicted distribution until SENTENCE_END, draw again whenever the draw is UNKNOWN_TOKEN, and
 * start over while the sentence is shorter than the minimum length. Added: a maximum length (a
 * sentence reaching it ends there) and a temperature (p^(1/T), renormalised; 1 = the lesson).
 * Draws happen in double precision from the renormalised probabilities, with the given generator,
 * so a seeded generator repeats its sentences.
 */
public final class SentenceGenerator {
    /** Attempts before giving up on reaching the minimum length. */
    public static final int MAX_ATTEMPTS = 1000;
    /** UNKNOWN redraws after which UNKNOWN is simply taken out of the distribution. */
    static final int MAX_REDRAWS = 1000;

    private final RnnModel model;
    private final NextWordPredictor predictor;

    public SentenceGenerator(RnnModel model) {
        this.model = model;
        this.predictor = new NextWordPredictor(model);
    }

    public GeneratedSentence generate(GenerationOptions options, RandomGenerator rng) {
        return generate(options, rng, new int[0]);
    }

    /**
     * A sentence that begins with {@code prefix} (word indices, SENTENCE_START not included): the
     * prefix is fed as given, then words are drawn by the lesson's rule. The prefix counts toward
     * the lengths, and its words' probabilities are the model's for them.
     */
    public GeneratedSentence generate(GenerationOptions options, RandomGenerator rng, int[] prefix) {
        check(options);
        int redraws = 0;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            int[] words = new int[Math.max(prefix.length, Math.min(options.maxLength(), 256))];
            double[] probabilities = new double[words.length];
            int n = 0;
            predictor.reset();
            double[] p = predictor.feed(options.startIndex());
            for (int word : prefix) {
                words[n] = word;
                probabilities[n] = p[word];
                n++;
                p = predictor.feed(word);
            }
            while (n < options.maxLength()) {
                double[] q = tempered(p, options.temperature());
                int word = draw(q, rng, -1);
                int tries = 0;
                while (word == options.unknownIndex()) {
                    redraws++;
                    // past the last redraw, UNKNOWN_TOKEN is taken out before the temperature is applied:
                    // at a very low temperature the other words' shares underflow to 0 otherwise
                    word = ++tries < MAX_REDRAWS ? draw(q, rng, -1)
                            : draw(tempered(without(p, options.unknownIndex()), options.temperature()), rng, -1);
                }
                if (word == options.endIndex()) {
                    break;
                }
                if (n == words.length) {
                    words = Arrays.copyOf(words, Math.min(options.maxLength(), 2 * n));
                    probabilities = Arrays.copyOf(probabilities, words.length);
                }
                words[n] = word;
                probabilities[n] = p[word];
                n++;
                if (n < options.maxLength()) {
                    p = predictor.feed(word);
                }
            }
            if (n >= options.minLength()) {
                return new GeneratedSentence(Arrays.copyOf(words, n), Arrays.copyOf(probabilities, n), redraws, attempt);
            }
        }
        throw UserException.said("generate.noSentence", String.valueOf(options.minLength()), String.valueOf(MAX_ATTEMPTS));
    }

    /** p^(1/temperature), renormalised (p itself renormalised when the temperature is 1). */
    static double[] tempered(double[] p, double temperature) {
        double[] q = new double[p.length];
        if (temperature == 1.0) {
            System.arraycopy(p, 0, q, 0, p.length);
        } else {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < p.length; i++) {
                q[i] = p[i] > 0 ? Math.log(p[i]) / temperature : Double.NEGATIVE_INFINITY;
                max = Math.max(max, q[i]);
            }
            for (int i = 0; i < p.length; i++) {
                q[i] = Math.exp(q[i] - max);
            }
        }
        double sum = 0;
        for (double v : q) {
            sum += v;
        }
        for (int i = 0; i < q.length; i++) {
            q[i] /= sum;
        }
        return q;
    }

    /** p with word {@code index} given probability 0 (the others keep theirs; tempered renormalises). */
    static double[] without(double[] p, int index) {
        double[] out = p.clone();
        if (index >= 0 && index < out.length) {
            out[index] = 0;
        }
        return out;
    }

    /** One multinomial draw from q; {@code excluded} (or -1) gets probability 0. */
    static int draw(double[] q, RandomGenerator rng, int excluded) {
        double total = 0;
        for (int i = 0; i < q.length; i++) {
            if (i != excluded) {
                total += q[i];
            }
        }
        double u = rng.nextDouble() * total;
        double cumulative = 0;
        int last = -1;
        for (int i = 0; i < q.length; i++) {
            if (i == excluded || q[i] <= 0) {
                continue;
            }
            cumulative += q[i];
            last = i;
            if (u < cumulative) {
                return i;
            }
        }
        if (last < 0) {
            throw UserException.said("generate.allZero");
        }
        return last; // u landed in the rounding gap at the top
    }

    private void check(GenerationOptions o) {
        int C = model.wordDim();
        if (o.minLength() < 0 || o.maxLength() < 1 || o.maxLength() < o.minLength()) {
            throw UserException.said("generate.lengths", String.valueOf(o.minLength()), String.valueOf(o.maxLength()));
        }
        if (!(o.temperature() > 0) || Double.isInfinite(o.temperature())) {
            throw UserException.said("generate.temperature", String.valueOf(o.temperature()));
        }
        for (int index : new int[] {o.startIndex(), o.endIndex(), o.unknownIndex()}) {
            RnnModel.checkWord(index, C);
        }
    }
}
