package org.rnnlab.app.steps.training;

import javafx.animation.AnimationTimer;

/**
 * Measures how responsive the FX thread stays: the longest time between two of its pulses while
 * it runs (a pulse is when the scene can redraw; at 60 frames a second they are 16.7 ms apart).
 * Started by a test, or with {@code -Drnnlab.pulseMonitor=true} for every training run, which then
 * prints its figure when the run ends.
 *
 * <p>To measure the app as a learner runs it, with every stream on and off, back to back:
 * <pre>
 * Xvfb :93 -screen 0 1280x800x24 &amp;
 * DISPLAY=:93 java -Drnnlab.pulseMonitor=true -Drnnlab.pulseMonitor.autoTrain=90 -Drnnlab.streams=on \
 *     -Drnnlab.size=1280x800 -Drnnlab.step=trainingStep -jar target/rnnlab.jar
 * </pre>
 * {@code autoTrain=S} presses Start (a fresh lesson model, the sample corpus, the step's default
 * fields) once the model is ready, Stop after S seconds of training, prints the figures and quits;
 * it measures from the press, so the fresh model's drawing and publication before the run count too;
 * {@code -Drnnlab.streams=off} trains without the probe and the live check;
 * {@code -Drnnlab.pulseMonitor.sentences=N} and {@code .epochs=E} replace the step's 1,000 sentences
 * and 10 epochs; {@code .outputLayer=class} trains the class-based output layer instead of the full
 * softmax. {@code src/test/python/measure_app_training.sh} runs all this and reads the peak
 * resident memory.
 */
public final class PulseMonitor extends AnimationTimer {
    /** The system property that turns it on in the app. */
    public static final String FLAG = "rnnlab.pulseMonitor";
    /** Seconds of training to run by itself, then quit (for measuring); unset: the learner presses Start. */
    public static final String AUTO_TRAIN = "rnnlab.pulseMonitor.autoTrain";
    /** With autoTrain: seconds between the model being ready and Start (the time a learner reads the step). */
    public static final String AUTO_START_AFTER = "rnnlab.pulseMonitor.startAfter";
    /** With autoTrain: the run's sentences and epochs instead of the step's defaults (for a whole-corpus epoch). */
    public static final String AUTO_SENTENCES = "rnnlab.pulseMonitor.sentences";
    public static final String AUTO_EPOCHS = "rnnlab.pulseMonitor.epochs";
    /** With autoTrain: "class" for a fresh class-based model. */
    public static final String AUTO_OUTPUT_LAYER = "rnnlab.pulseMonitor.outputLayer";
    /**
     * {@code true}: while a run is measured, prints what asks the window's root for a layout (the app's, ChartFX's
     * and the controls' frames of the call), with the time from Start: such a layout reaches the step page,
     * which is then laid out anew and, if anything in it moved, the window repainted whole.
     */
    public static final String LAYOUTS = "rnnlab.pulseMonitor.layouts";
    /**
     * {@code true} (Linux): each long gap also names the threads of the process that ran most in it and the
     * time other processes (the X server, say) had the cores, from the kernel's counters read at every pulse.
     */
    public static final String THREADS = "rnnlab.pulseMonitor.threads";
    private final ThreadTimes threadTimes = Boolean.getBoolean(THREADS) ? new ThreadTimes() : null;
    /**
     * {@code false}: autoTrain measures the speed only, without the timer that times the pulses. That timer
     * asks for a frame 60 times a second, which the window otherwise draws only when something changed
     * (a few times a second while a run shows its numbers), so its own cost is then left out.
     */
    public static final String GAPS = "rnnlab.pulseMonitor.gaps";
    private final boolean timed = !"false".equals(System.getProperty(GAPS));
    /** {@code true}: each long gap also says the wall-clock time it ended at, to find it in a flight recording. */
    public static final String CLOCK = "rnnlab.pulseMonitor.clock";
    private final boolean clock = Boolean.getBoolean(CLOCK);
    private long last;
    private long maxGap;
    private long maxGapWarm;
    private long sum;
    private int count;
    private long first;
    private final java.util.List<String> long_ = new java.util.ArrayList<>();
    // CPU time of the FX thread and of the renderer's thread at the last pulse: a long gap they did not
    // spend running was spent waiting for a core (the engine's two threads hold both of a 2-core machine)
    private final java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    private long fxCpu;
    private long renderCpu;
    private long renderThread = -1;
    // Linux: the FX thread's time waiting in the kernel's run queue (runnable, no core free), from
    // /proc/thread-self/schedstat; -1 where there is none
    private java.nio.file.Path schedstat;
    private long fxQueued;

    @Override
    public void start() {
        last = 0;
        maxGap = 0;
        maxGapWarm = 0;
        sum = 0;
        count = 0;
        first = 0;
        long_.clear();
        if (timed) {
            super.start();
        }
    }

    @Override
    public void handle(long now) {
        long fxNow = cpu.getCurrentThreadCpuTime();
        long renderNow = renderCpuTime();
        long queuedNow = fxQueuedTime();
        java.util.Map<String, Long> ranNow = threadTimes == null ? null : threadTimes.read();
        if (last != 0) {
            long gap = now - last;
            maxGap = Math.max(maxGap, gap);
            if (now - first > WARM_NANOS) {
                maxGapWarm = Math.max(maxGapWarm, gap);
            }
            if (gap > LONG_NANOS && long_.size() < 40) {
                String at = String.format(java.util.Locale.ROOT, "%.0f ms at %.1f s (FX %.0f, render %.0f ms on a core%s)",
                        gap / 1e6, (now - first) / 1e9, (fxNow - fxCpu) / 1e6, (renderNow - renderCpu) / 1e6,
                        queuedNow < 0 ? "" : String.format(java.util.Locale.ROOT, "; FX waited %.0f ms for one",
                                (queuedNow - fxQueued) / 1e6));
                if (ranNow != null) {
                    at += threadTimes.mostBusy(ranNow);
                }
                long_.add(clock ? at + " (" + java.time.LocalTime.now() + ")" : at);
            }
            sum += gap;
        }
        if (first == 0) {
            first = now;
        }
        last = now;
        fxCpu = fxNow;
        renderCpu = renderNow;
        fxQueued = queuedNow;
        if (ranNow != null) {
            threadTimes.last = ranNow;
        }
        count++;
    }

    /** Nanoseconds the calling (FX) thread has spent runnable but waiting for a core, or -1 (not Linux). */
    private long fxQueuedTime() {
        try {
            if (schedstat == null) {
                schedstat = java.nio.file.Path.of("/proc").resolve(java.nio.file.Files.readSymbolicLink(
                        java.nio.file.Path.of("/proc/thread-self"))).resolve("schedstat");
            }
            return Long.parseLong(java.nio.file.Files.readString(schedstat).split(" ")[1]);
        } catch (java.io.IOException | RuntimeException e) {
            schedstat = java.nio.file.Path.of("/nonexistent");
            return -1;
        }
    }

    /** "root layout at 1234 ms, asked by:" and the frames of the call in the app, ChartFX and the controls. */
    private static String whoAsked(long first) {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "pulse monitor: root layout at %.0f ms, asked by:",
                (System.nanoTime() - first) / 1e6));
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            String c = e.getClassName();
            if ((c.startsWith("org.rnnlab") && !c.startsWith(PulseMonitor.class.getName())) || c.startsWith("io.fair_acc")
                    || c.startsWith("javafx.scene.control")) {
                b.append("\n    ").append(e);
            }
        }
        return b.toString();
    }

    /**
     * The id of the live thread whose name starts with {@code prefix}, 0 if none. Through the thread
     * groups, not {@code Thread.getAllStackTraces()}: that stops every thread for a dump (4-14 ms, in
     * the first pulse after Start, the very gap this monitor measures).
     */
    private static long threadNamed(String prefix) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() + 32];
        int n = root.enumerate(all, true);
        for (int i = 0; i < n; i++) {
            if (all[i].getName().startsWith(prefix)) {
                return all[i].getId();
            }
        }
        return 0;
    }

    /** CPU time of JavaFX's render thread (QuantumRenderer), 0 if it is not found. */
    private long renderCpuTime() {
        if (renderThread < 0) {
            renderThread = threadNamed("QuantumRenderer");
        }
        return renderThread == 0 ? 0 : Math.max(0, cpu.getThreadCpuTime(renderThread));
    }

    /**
     * The first seconds of a run share the CPU with the JIT compiling the trainer's and the charts'
     * code; the longest gap after them is reported apart.
     */
    static final long WARM_NANOS = 20_000_000_000L;

    /** The longest gap after the first 20 s. */
    public double maxGapAfterWarmUpMillis() {
        return maxGapWarm / 1e6;
    }

    /** Gaps longer than this are listed with when they happened ({@code -Drnnlab.pulseMonitor.longMs}, default 50). */
    static final long LONG_NANOS = Long.getLong("rnnlab.pulseMonitor.longMs", 50) * 1_000_000L;

    /**
     * The gaps over {@link #LONG_NANOS} (50 ms), with the CPU time the FX and render threads had in them:
     * "120 ms at 3.2 s (FX 20, render 8 ms on a core)" (the first 40).
     */
    public java.util.List<String> longGaps() {
        return java.util.List.copyOf(long_);
    }

    public double maxGapMillis() {
        return maxGap / 1e6;
    }

    public double meanGapMillis() {
        return count < 2 ? Double.NaN : sum / 1e6 / (count - 1);
    }

    public int pulses() {
        return count;
    }

    /** "longest FX pulse gap 18.2 ms (mean 16.7 ms, 2,400 pulses)". */
    public String summary() {
        if (!timed) {
            return "pulses not timed (" + GAPS + "=false)";
        }
        return String.format(java.util.Locale.ROOT, "longest FX pulse gap %.1f ms (after the first 20 s: %.1f ms; mean %.1f ms, "
                + "%,d pulses)", maxGapMillis(), maxGapAfterWarmUpMillis(), meanGapMillis(), pulses());
    }

    /** Monitors every training run of the step and prints its figures when it ends; see the class comment. */
    static void install(org.rnnlab.app.session.LessonSession session, TrainingViewModel vm) {
        PulseMonitor pulses = new PulseMonitor();
        MemoryPeaks memory = new MemoryPeaks();
        if (Boolean.getBoolean(LAYOUTS)) {
            Runnable watch = () -> {
                for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                    if (w.getScene() != null && w.getScene().getRoot().getProperties().putIfAbsent(LAYOUTS, true) == null) {
                        w.getScene().getRoot().needsLayoutProperty().addListener((o, was, needs) -> {
                            if (needs && pulses.first != 0) {
                                System.out.println(whoAsked(pulses.first));
                            }
                        });
                    }
                }
            };
            javafx.stage.Window.getWindows().addListener((javafx.collections.ListChangeListener<javafx.stage.Window>) c -> watch.run());
            javafx.application.Platform.runLater(watch); // the window may be up already
        }
        long auto = Long.getLong(AUTO_TRAIN, 0);
        var models = session.models();
        boolean[] pressed = new boolean[1]; // autoTrain: measured from the press of Start, the fresh model's publication included
        models.trainingProperty().addListener((o, was, on) -> {
            if (on) {
                if (!pressed[0]) {
                    pulses.start();
                    memory.start();
                }
                pressed[0] = false;
                if (auto > 0) {
                    javafx.animation.PauseTransition stop = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(auto));
                    stop.setOnFinished(e -> vm.stop());
                    stop.play();
                }
            } else {
                pulses.stop();
                TrainingRunState run = vm.run();
                System.out.printf(java.util.Locale.ROOT, "pulse monitor: %s; %.1f sentences/s on average (the steps alone: %.1f); %s%n",
                        pulses.summary(), run.averageSentencesPerSecond(System.nanoTime()), run.stepsAloneSentencesPerSecond(),
                        run.check().summary());
                System.out.println("pulse monitor: gaps over " + LONG_NANOS / 1_000_000 + " ms: " + pulses.longGaps());
                System.out.println("pulse monitor: " + memory.stop());
                System.out.println("pulse monitor: Java kernels (exp; W s and tanh where not native): " + org.rnnlab.engine.Simd.describe());
                System.out.println("pulse monitor: the products with V: " + org.rnnlab.engine.RnnModel.outputProducts()
                        + "; OpenBLAS kernel " + org.rnnlab.engine.BlasKernel.running().orElse("unknown")
                        + "; " + org.rnnlab.engine.EngineThreads.describeUse());
                if (auto > 0) {
                    javafx.application.Platform.exit();
                }
            }
        });
        if (auto > 0) {
            boolean[] started = new boolean[1];
            javafx.beans.InvalidationListener ready = o -> {
                if (!started[0] && models.model() != null && models.matchesCorpusProperty().get() && models.prepared() != null
                        && !models.loadingProperty().get() && !models.isTraining()) {
                    started[0] = true;
                    Integer sentences = Integer.getInteger(AUTO_SENTENCES);
                    Integer epochs = Integer.getInteger(AUTO_EPOCHS);
                    if (sentences != null) {
                        vm.sentencesProperty().set(sentences);
                    }
                    if (epochs != null) {
                        vm.epochsProperty().set(epochs);
                    }
                    if ("class".equals(System.getProperty(AUTO_OUTPUT_LAYER))) {
                        vm.outputLayerProperty().set(org.rnnlab.training.OutputLayer.CLASS_BASED);
                    }
                    // a learner reads the step before pressing Start; 0 (the default) presses it at once
                    javafx.animation.PauseTransition read = new javafx.animation.PauseTransition(
                            javafx.util.Duration.seconds(Long.getLong(AUTO_START_AFTER, 0)));
                    read.setOnFinished(e -> {
                        pressed[0] = true;
                        pulses.start();
                        memory.start();
                        vm.start();
                    });
                    read.play();
                }
            };
            models.modelProperty().addListener(ready);
            models.loadingProperty().addListener(ready);
            models.matchesCorpusProperty().addListener(ready);
        }
    }

    /** CPU time per thread name of this process and of the whole machine, from /proc (see {@link #THREADS}). */
    private static final class ThreadTimes {
        private static final String OTHERS = "other processes";
        private java.util.Map<String, Long> last;

        /** Nanoseconds run so far by each thread (by name), and by other processes. */
        java.util.Map<String, Long> read() {
            java.util.Map<String, Long> ran = new java.util.HashMap<>();
            long ours = 0;
            try {
                for (org.rnnlab.common.ProcessThreads.Task task : org.rnnlab.common.ProcessThreads.list()) {
                    try {
                        long t = Long.parseLong(task.read("schedstat").split(" ")[0]);
                        ran.merge(task.name(), t, Long::sum);
                        ours += t;
                    } catch (java.io.IOException | RuntimeException ended) {
                        // the thread ended between the listing and the read
                    }
                }
                // the machine's busy time (user, nice, system, irq, softirq) in clock ticks of 10 ms
                String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i : new int[] {1, 2, 3, 6, 7}) {
                    busy += Long.parseLong(cpu[i]);
                }
                ran.put(OTHERS, busy * 10_000_000L - ours);
            } catch (java.io.IOException | RuntimeException e) {
                return java.util.Map.of();
            }
            return ran;
        }

        /** "; ran: rnnlab-training 30, C2 CompilerThre 12, other processes 20 ms" for the gap since the last pulse. */
        String mostBusy(java.util.Map<String, Long> now) {
            if (last == null || now.isEmpty()) {
                return "";
            }
            return now.entrySet().stream()
                    .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - last.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() >= 2_000_000L)
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(5)
                    .map(e -> String.format(java.util.Locale.ROOT, "%s %.0f", e.getKey(), e.getValue() / 1e6))
                    .collect(java.util.stream.Collectors.joining(", ", "; ran: ", " ms"));
        }
    }
}
