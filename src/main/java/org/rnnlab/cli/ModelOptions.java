package org.rnnlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.rnnlab.common.UserException;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.engine.WordClasses;
import org.rnnlab.text.Vocabulary;

/** What the model commands share: reading a model with the right vocabulary, dtype names, number checks. */
final class ModelOptions {

    private ModelOptions() {
    }

    /**
     * Loads a model and picks its vocabulary: the one in {@code dataDir} (a 'prepare' output) when
     * given, else the model file's own. A vocabulary whose size is not the model's C is refused.
     */
    static LoadedModel load(Path modelFile, Path dataDir, PrintStream notes) {
        LoadedModel loaded = ModelFile.load(modelFile);
        if (dataDir == null) {
            if (loaded.vocabulary() == null) {
                throw new UserException(modelFile.getFileName() + " holds weights but no vocabulary: pass --data DIR,"
                        + " a 'prepare' output with " + loaded.model().wordDim() + " words.");
            }
            return loaded;
        }
        Vocabulary vocabulary = readVocabulary(dataDir);
        checkFits(loaded, vocabulary, modelFile, dataDir);
        if (loaded.vocabulary() != null && !loaded.vocabulary().words().equals(vocabulary.words())) {
            notes.println("note: " + dataDir + " has other words than the vocabulary saved in " + modelFile.getFileName()
                    + "; using " + dataDir + "'s.");
        }
        return new LoadedModel(loaded.model(), vocabulary, loaded.info());
    }

    /** The vocabulary of a 'prepare' output, without reading its sentences. */
    static Vocabulary readVocabulary(Path dataDir) {
        return org.rnnlab.text.PreparedData.readVocabulary(dataDir);
    }

    static void checkFits(LoadedModel loaded, Vocabulary vocabulary, Path modelFile, Path dataDir) {
        int c = loaded.model().wordDim();
        if (vocabulary.size() != c) {
            throw new UserException(modelFile.getFileName() + " has C = " + c + " words but " + dataDir + " has a vocabulary of "
                    + vocabulary.size() + ": use data prepared with --vocabulary-size " + c
                    + (vocabulary.size() < c ? " from a corpus with at least " + (c - 1) + " distinct words." : "."));
        }
    }

    /** "float32" or "float64" (also "f32"/"f64"/"float"/"double"). */
    static Precision precision(String dtype) {
        return switch (dtype.toLowerCase(Locale.ROOT)) {
            case "float32", "f32", "float" -> Precision.FLOAT32;
            case "float64", "f64", "double" -> Precision.FLOAT64;
            default -> throw new UserException("--dtype must be float32 or float64, not '" + dtype + "'.");
        };
    }

    static void positive(String option, long value) {
        if (value < 1) {
            throw new UserException(option + " must be 1 or more, not " + value + ".");
        }
    }

    static void notNegative(String option, long value) {
        if (value < 0) {
            throw new UserException(option + " must be 0 or more, not " + value + ".");
        }
    }

    /** "H = 100, C = 8000 (1,610,000 parameters), float32". */
    static String describe(RnnModel model) {
        return String.format(Locale.ROOT, "H = %d, C = %d (%,d parameters), %s%s", model.hiddenDim(), model.wordDim(),
                (long) model.parameterCount(), model.precision().dtypeName(),
                model.isClassBased() ? ", class-based output layer (" + model.classes().count() + " classes)" : "");
    }

    /**
     * A fresh model with the output layer asked for by {@code --output-layer}: "full" (the lesson's
     * softmax over all C words) or "class" (words in {@code classes} frequency classes, about sqrt(C)
     * when null, binned by the vocabulary's corpus counts).
     */
    static RnnModel initialise(Vocabulary vocabulary, int wordDim, int hidden, int bpttTruncate, long seed,
                               Precision precision, String outputLayer, Integer classes) {
        if ("full".equals(outputLayer)) {
            if (classes != null) {
                throw new UserException("--classes goes with --output-layer class; drop it or add --output-layer class.");
            }
            return RnnModel.initialise(wordDim, hidden, bpttTruncate, seed, precision);
        }
        if (!"class".equals(outputLayer)) {
            throw new UserException("--output-layer must be full or class, not '" + outputLayer + "'.");
        }
        if (vocabulary == null) {
            throw new UserException("A class-based output layer bins words by their corpus counts: give --data DIR.");
        }
        int k = classes == null ? WordClasses.defaultCount(wordDim) : classes;
        if (k < 1 || k > wordDim) {
            throw new UserException("--classes must be between 1 and C = " + wordDim + ", not " + k + ".");
        }
        return RnnModel.initialiseClassBased(wordDim, hidden, bpttTruncate, seed, precision,
                org.rnnlab.training.OutputLayer.classesOf(vocabulary, k));
    }
}
