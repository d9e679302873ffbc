package org.rnnlab.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark, not a test (src/test/python/steps_in_turns.sh runs it): one way of the engine against
 * another, as two models in one process taking rounds of SGD steps in turns (C 8000, H 100, T 45,
 * float32, Zipf words; the class-based steps go through 256 sentences in turn, as the bench's do). On a shared machine the same build run twice, one process after the other,
 * differed by up to 40%; two models in turns see the same moments of the machine, so a few percent
 * show. Each way is one of the engine's switches for tests, read when a model is made:
 * <ul>
 *   <li>{@code dw}: dW as one native product (Recurrence32) against the Java loops;</li>
 *   <li>{@code dwkernel}: dW's Java loops through the vector kernel (VectorKernels.OuterSums) against the plain loops;</li>
 *   <li>{@code st}: the logits from S^T (Kernel) against from S;</li>
 *   <li>{@code groups}: the class-based rows in groups of five (ClassOutput) against two groups;</li>
 *   <li>{@code start}: the recurrence's arrays at the start its timing chooses (Recurrence32) against the first;</li>
 *   <li>{@code binning}: classes binned by the square roots of the counts (WordClasses.byFrequency)
 *       against equal token shares (byTokenShare);</li>
 *   <li>{@code tail}: the class-based rows' last eight in groups of two (ClassOutput) against groups of five;</li>
 *   <li>{@code units}: W's update as the kernel splits it (Recurrence32) against units of twenty rows;</li>
 *   <li>{@code vector}: W s and tanh through the vector kernels (Recurrence32, with the module) against the plain loops;</li>
 *   <li>{@code native}: the full softmax's products in native code (NativeProducts, Kernel) against the Java ways;</li>
 *   <li>{@code dwunits}: each unit of W's update making its rows of dW (Recurrence32) against dW made whole first;</li>
 *   <li>{@code balance}: the FORWARD phase's groups of words taken by either thread as it finds them left
 *       (WordGroups, Kernel) against each thread its own half;</li>
 *   <li>{@code lane}: the step on two threads as the engine chooses (Kernel) against one thread, set for each round;</li>
 *   <li>{@code choice}: the engine's choice against two threads always, set for each round (compare the means:
 *       the choice's tries of one thread are a few steps in a hundred, below the median);</li>
 *   <li>{@code none}: the same way twice, to see the comparison's own spread.</li>
 * </ul>
 * The first model has the switch on. Usage: {@code StepsInTurns WAY full|class [ROUNDS]}.
 */
public final class StepsInTurns {
    private StepsInTurns() {
    }

    public static void main(String[] args) throws Exception {
        String way = args[0];
        boolean full = args[1].equals("full");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int C = 8000;
        int H = 100;
        int T = 45;
        EngineThreads.configure();
        ZipfWords words = ZipfWords.of(C);
        WordClasses classes = words.classes();
        RnnModel[] models = new RnnModel[2];
        for (int k = 0; k < 2; k++) {
            switchTo(way, k == 0);
            models[k] = full ? RnnModel.initialise(C, H, 4, 10, Precision.FLOAT32)
                    : RnnModel.initialiseClassBased(C, H, 4, 10, Precision.FLOAT32, way.equals("binning") && k == 1
                            ? WordClasses.byTokenShare(words.counts(), WordClasses.defaultCount(C)) : classes);
        }
        Recurrence32.forceDWProduct = null;
        Kernel.forceLogitsFromST = null;
        ClassOutput.forceSmallGroups = null;
        Recurrence32.forceStart = null;
        ClassOutput.forceSmallTail = null;
        Recurrence32.forceUnitRows = null;
        Recurrence32.forceVector = null;
        Recurrence32.forceDWInUnits = null;
        Recurrence32.forceDWKernel = null;
        Kernel.forceVectorProducts = null;
        Kernel.forceNativeProducts = null;
        WordGroups.forceFixedHalves = false;
        SplittableRandom random = new SplittableRandom(2015);
        int pool = full ? 1 : 256; // the full softmax costs the same for any words
        int[][] xs = words.sentences(random, pool, T);
        int[][] ys = words.sentences(random, pool, T);
        int perRound = full ? 10 : 100; // about the same wall time a round
        for (int i = 0; i < (full ? 200 : 2000); i++) {
            for (RnnModel m : models) {
                m.sgdStep(xs[i % pool], ys[i % pool], 1e-4);
            }
        }
        double[][] ms = new double[2][rounds * perRound];
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < 2; j++) {
                int k = r % 2 == 0 ? j : 1 - j; // each goes first in every other round
                if (way.equals("lane") || way.equals("choice")) {
                    Kernel.forceLane = k == 0 ? null : way.equals("choice"); // read at every step, so set for each model's round
                }
                for (int i = 0; i < perRound; i++) {
                    long t0 = System.nanoTime();
                    models[k].sgdStep(xs[i % pool], ys[i % pool], 1e-4);
                    ms[k][r * perRound + i] = (System.nanoTime() - t0) / 1e6;
                }
                long t0 = System.nanoTime();
                models[k].settle(); // what the last step left running counts in its time
                ms[k][r * perRound + perRound - 1] += (System.nanoTime() - t0) / 1e6;
            }
            Thread.sleep(50);
        }
        System.out.printf(Locale.ROOT, "%s step (%s kernel), %d rounds of %d steps each in turns:%n", full ? "full-softmax" : "class-based",
                BlasKernel.running().orElse("unknown"), rounds, perRound);
        for (int k = 0; k < 2; k++) {
            double[] t = ms[k].clone();
            Arrays.sort(t);
            System.out.printf(Locale.ROOT, "  %s %-3s: median %.4f ms, first quartile %.4f, min %.4f, mean %.4f%n", way, k == 0 ? "on" : "off",
                    t[t.length / 2], t[t.length / 4], t[0], Arrays.stream(t).average().orElse(0));
        }
        System.exit(0); // the lane's thread
    }

    private static void switchTo(String way, boolean on) {
        switch (way) {
            case "dw" -> Recurrence32.forceDWProduct = on;
            case "dwkernel" -> Recurrence32.forceDWKernel = on;
            case "st" -> Kernel.forceLogitsFromST = on;
            case "groups" -> ClassOutput.forceSmallGroups = on;
            case "start" -> Recurrence32.forceStart = on ? null : 0;
            case "tail" -> ClassOutput.forceSmallTail = on;
            case "units" -> Recurrence32.forceUnitRows = on ? null : 20;
            case "vector" -> Recurrence32.forceVector = on ? null : false;
            case "dwunits" -> Recurrence32.forceDWInUnits = on;
            case "products" -> Kernel.forceVectorProducts = on;
            case "native" -> Kernel.forceNativeProducts = on;
            case "balance" -> WordGroups.forceFixedHalves = !on;
            case "none", "binning", "lane", "choice" -> { }
            default -> throw new IllegalArgumentException("no such way: " + way
                    + " (dw, st, groups, start, tail, units, vector, dwunits, products, native, balance, lane or none)");
        }
    }
}
