package org.rnnlab.app.steps.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rnnlab.training.TrainingEvent;

/**
 * The probe sentence over training, from the trainer's {@link TrainingEvent.Probe} events: one
 * column per probe (examples seen, p(true next word) at each position), what the heatmap draws.
 * However long the run, at most {@link #MAX_COLUMNS} columns are kept: when full, every second
 * one goes, so the columns stay spread evenly over the run and the latest is always there.
 */
public final class ProbeStream {
    /** Columns kept: enough for the heatmap's width, few enough to redraw cheaply. */
    public static final int MAX_COLUMNS = 200;

    /** One probe: when, and p[t] = p(words[t + 1] | words[0..t]). */
    public record Column(long examplesSeen, double[] p) {
    }

    private final int maxColumns;
    private final List<Column> columns = new ArrayList<>();
    private int[] words;
    private TrainingEvent.Probe latest;
    private long revision;

    public ProbeStream() {
        this(MAX_COLUMNS);
    }

    ProbeStream(int maxColumns) {
        if (maxColumns < 2) {
            throw new IllegalArgumentException("keep at least two columns");
        }
        this.maxColumns = maxColumns;
    }

    /**
     * A probe; {@code baseExamples} is added to its examples seen (a continued run extends the
     * last). Another sentence than before starts the columns afresh: rows of different words do not line up.
     */
    void accept(TrainingEvent.Probe probe, long baseExamples) {
        if (words == null || !Arrays.equals(words, probe.words())) {
            columns.clear();
            words = probe.words().clone();
        }
        columns.add(new Column(baseExamples + probe.examplesSeen(), probe.p().clone()));
        if (columns.size() > maxColumns) {
            thin();
        }
        latest = probe;
        revision++;
    }

    /** Keeps every second column, counting back from the latest. */
    private void thin() {
        List<Column> kept = new ArrayList<>();
        for (int i = columns.size() - 1; i >= 0; i -= 2) {
            kept.add(0, columns.get(i));
        }
        columns.clear();
        columns.addAll(kept);
    }

    void clear() {
        columns.clear();
        words = null;
        latest = null;
        revision++;
    }

    /** The probe sentence, SENTENCE_START to SENTENCE_END (T + 1 word indices), or null before the first probe. */
    public int[] words() {
        return words == null ? null : words.clone();
    }

    /** The columns, oldest first. */
    public List<Column> columns() {
        return List.copyOf(columns);
    }

    /** The last probe, or null. */
    public TrainingEvent.Probe latest() {
        return latest;
    }

    /** Increases whenever the columns change. */
    public long revision() {
        return revision;
    }

    /** values[t][c]: p at position t in column c, the heatmap's rows and columns. */
    public double[][] matrix() {
        int rows = words == null ? 0 : words.length - 1;
        double[][] m = new double[rows][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            double[] p = columns.get(c).p();
            for (int t = 0; t < rows; t++) {
                m[t][c] = p[t];
            }
        }
        return m;
    }
}
