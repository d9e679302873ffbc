package org.rnnlab.app.steps.training;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.scene.image.Image;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rnnlab.app.support.ImageFiles;
import org.rnnlab.common.AtomicFiles;
import org.rnnlab.common.UserException;

/**
 * The run's numbers as CSV and the chart as PNG, each written to a temporary file beside the
 * target and moved over it, so a reader never sees half a file.
 */
final class RunExport {
    static final String[] HEADER = {"examples_seen", "epoch", "learning_rate", "smoothed_loss", "train_loss",
        "validation_loss", "train_perplexity", "validation_perplexity"};

    private RunExport() {
    }

    /** One row per evaluation and per point of the smoothed loss curve, by examples seen. */
    static List<Object[]> rows(TrainingRunState run) {
        List<Object[]> rows = new ArrayList<>();
        double[] x = run.smoothLoss().xValues();
        double[] y = run.smoothLoss().yValues();
        for (int i = 0; i < x.length; i++) {
            rows.add(new Object[] {(long) x[i], "", "", y[i], "", "", "", ""});
        }
        for (TrainingRunState.Evaluation e : run.evaluations()) {
            rows.add(new Object[] {e.examplesSeen(), e.epoch(), "", "", e.loss(), blankIfNaN(e.validationLoss()),
                Math.exp(e.loss()), blankIfNaN(Math.exp(e.validationLoss()))});
        }
        for (TrainingRunState.RateSet r : run.rateSets()) {
            rows.add(new Object[] {r.examplesSeen(), "", r.learningRate(), "", "", "", "", ""});
        }
        for (TrainingRunState.Halving h : run.halvings()) {
            rows.add(new Object[] {h.examplesSeen(), "", h.learningRate(), "", "", "", "", ""});
        }
        rows.sort(Comparator.comparingLong(r -> ((Number) r[0]).longValue()));
        return rows;
    }

    private static Object blankIfNaN(double v) {
        return Double.isNaN(v) ? "" : v;
    }

    static void csv(Path file, List<Object[]> rows) {
        try {
            AtomicFiles.write(file, out -> {
                Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
                for (Object[] r : rows) {
                    csv.printRecord(r);
                }
                csv.flush();
            });
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    /** The image as PNG; call off the FX thread (the snapshot is taken on it). */
    static void png(Path file, Image image) {
        try {
            ImageFiles.writePng(file, image);
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    private static UserException cannotWrite(Path file, IOException e) {
        return new UserException(org.rnnlab.app.i18n.I18n.text("app.file.cannotWrite", file, org.rnnlab.common.IoReason.of(e)), e);
    }
}
