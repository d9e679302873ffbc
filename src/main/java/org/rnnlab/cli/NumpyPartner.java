package org.rnnlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The repository's vectorised numpy step ({@code reference_rnn.py bench --serve}) kept running beside
 * the bench, so that Java and numpy take turns: a round of Java steps, a round of numpy steps, and
 * so on. On a shared machine the load drifts by the second; timed in the same moments, their ratio
 * means something, where two runs one after the other can differ by 10x.
 */
final class NumpyPartner implements AutoCloseable {
    private final Process process;
    private final BufferedReader in;
    private final PrintWriter out;
    final String version;
    final String core;

    private NumpyPartner(Process process, BufferedReader in, String ready) {
        this.process = process;
        this.in = in;
        this.out = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String v = "?";
        String c = "?";
        for (String field : ready.split(" ")) {
            if (field.startsWith("numpy=")) {
                v = field.substring(6);
            } else if (field.startsWith("core=")) {
                c = field.substring(5);
            }
        }
        this.version = v;
        this.core = c;
    }

    /**
     * Starts numpy's step at C, H, T ({@code threads}: OPENBLAS_NUM_THREADS, or null for numpy's
     * default) and waits until it has warmed up; null, after saying why on standard output, when
     * python3, numpy or the script is missing. numpy runs at its best, without a kernel the environment
     * pins for older OpenBLAS builds (OPENBLAS_CORETYPE, with its OPENBLAS_L2_SIZE); if it fails so,
     * it is started again with the environment as it is. A kernel asked for with {@code
     * -Drnnlab.blasKernel} is numpy's too: with {@code -XX:UseAVX=2 -Drnnlab.blasKernel=Haswell} both
     * sides run as on a machine with AVX2 only.
     */
    static NumpyPartner start(Path script, int C, int H, int T, String threads) {
        if (!Files.isRegularFile(script)) {
            System.out.println("numpy reference: skipped (" + script + " not found; run from the project root)");
            return null;
        }
        List<String> command = List.of("python3", script.toString(), "bench", "--serve", "--hidden", "" + H,
                "--vocabulary-size", "" + C, "--length", "" + T, "--repeats", "50");
        String[] why = new String[1];
        NumpyPartner partner = launch(command, threads, true, why);
        if (partner == null && why[0] != null && System.getenv("OPENBLAS_CORETYPE") != null) {
            partner = launch(command, threads, false, why);
        }
        if (partner == null && why[0] != null) {
            System.out.println("numpy reference: skipped (" + why[0] + ")");
        }
        return partner;
    }

    /** One start: the partner, or null with the reason in why[0] (null when interrupted). */
    private static NumpyPartner launch(List<String> command, String threads, boolean unpinned, String[] why) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (threads != null) {
                builder.environment().put("OPENBLAS_NUM_THREADS", threads);
            }
            if (unpinned) {
                builder.environment().remove("OPENBLAS_CORETYPE");
                builder.environment().remove("OPENBLAS_L2_SIZE");
                org.rnnlab.engine.BlasKernel.asked().ifPresent(k -> builder.environment().put("OPENBLAS_CORETYPE", k));
            } else {
                // the user's pin as started: this process's own may have been lifted since (BlasKernel)
                builder.environment().put("OPENBLAS_CORETYPE", System.getenv("OPENBLAS_CORETYPE"));
            }
            Process process = builder.start();
            BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String last = "";
            for (String l; (l = in.readLine()) != null; ) {
                if (l.startsWith("ready ")) {
                    return new NumpyPartner(process, in, l);
                }
                last = l;
            }
            process.waitFor(10, TimeUnit.SECONDS);
            why[0] = "python3 or numpy unavailable: " + (last.isBlank() ? "no output" : last.strip());
            return null;
        } catch (IOException e) {
            why[0] = "python3 not found";
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why[0] = null;
            return null;
        }
    }

    /** Runs n numpy steps now and returns each one's time in ms. */
    double[] steps(int n) throws IOException {
        out.println("steps " + n);
        String line = in.readLine();
        if (line == null || !line.startsWith("times ")) {
            throw new IOException("numpy's step stopped answering" + (line == null ? "" : ": " + line));
        }
        String[] f = line.substring(6).trim().split(" ");
        double[] ms = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            ms[i] = Double.parseDouble(f[i]);
        }
        return ms;
    }

    @Override
    public void close() {
        out.println("quit");
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
    }
}
