package org.rnnlab.app.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the app remembers between launches (java.util.prefs, as JabRef and AtlantaFX do): the theme,
 * the text size, the window's place and size, the last step, and the recent corpora and models, most
 * recent first, and how the model left at the last close was described (its weights are a file in the
 * data folder). {@code -Drnnlab.remember=false} (the tests) keeps everything for this run only.
 */
public final class AppMemory {
    /** The system property that turns remembering off. */
    public static final String PROPERTY = "rnnlab.remember";
    /** Recent corpora and models kept, each list. */
    public static final int RECENT = 8;

    private final Preferences node;

    /** Remembers in {@code node}; tests give a node of their own, or an in-memory one. */
    public AppMemory(Preferences node) {
        this.node = node;
    }

    /** A memory that lasts as long as this object (tests, a read-only home). */
    public static AppMemory inMemory() {
        return new AppMemory(new TransientPreferences());
    }

    /** The learner's memory, or one that forgets when {@value #PROPERTY} is false. */
    public static AppMemory forUser() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            return inMemory();
        }
        try {
            return new AppMemory(Preferences.userRoot().node("org/rnnlab/app/memory"));
        } catch (SecurityException e) {
            return inMemory();
        }
    }

    /** Where and how large the window was. */
    public record WindowPlace(double x, double y, double width, double height, boolean maximized) {
    }

    /** A corpus as it was opened: the file and, for a CSV file, its text column (else null). */
    public record RecentCorpus(Path path, String column) {
    }

    public Optional<Boolean> dark() {
        String v = node.get("theme.dark", null);
        return v == null ? Optional.empty() : Optional.of(Boolean.parseBoolean(v));
    }

    public void setDark(boolean dark) {
        put("theme.dark", Boolean.toString(dark));
    }

    public OptionalDouble fontSize() {
        double v = node.getDouble("text.size", Double.NaN);
        return Double.isFinite(v) && v > 0 ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    public void setFontSize(double size) {
        node.putDouble("text.size", size);
        flush();
    }

    public Optional<WindowPlace> window() {
        double w = node.getDouble("window.width", Double.NaN);
        double h = node.getDouble("window.height", Double.NaN);
        if (!(w > 0 && h > 0)) {
            return Optional.empty();
        }
        return Optional.of(new WindowPlace(node.getDouble("window.x", 0), node.getDouble("window.y", 0), w, h,
                node.getBoolean("window.maximized", false)));
    }

    public void setWindow(WindowPlace place) {
        node.putDouble("window.x", place.x());
        node.putDouble("window.y", place.y());
        node.putDouble("window.width", place.width());
        node.putDouble("window.height", place.height());
        node.putBoolean("window.maximized", place.maximized());
        flush();
    }

    public Optional<String> lastStep() {
        return Optional.ofNullable(node.get("step", null));
    }

    public void setLastStep(String stepId) {
        put("step", stepId);
    }

    /** The recent corpora, most recent first; files that no longer exist are left out. */
    public List<RecentCorpus> recentCorpora() {
        List<RecentCorpus> out = new ArrayList<>();
        for (String entry : list("corpus")) {
            int tab = entry.indexOf('\t');
            Path p = Path.of(tab < 0 ? entry : entry.substring(0, tab));
            if (Files.exists(p)) {
                out.add(new RecentCorpus(p, tab < 0 ? null : entry.substring(tab + 1)));
            }
        }
        return out;
    }

    public void addRecentCorpus(Path path, String column) {
        String p = path.toAbsolutePath().normalize().toString();
        List<String> entries = list("corpus");
        entries.removeIf(e -> e.equals(p) || e.startsWith(p + "\t"));
        entries.add(0, column == null || column.isEmpty() ? p : p + "\t" + column);
        setList("corpus", entries);
    }

    /** The recent model files, most recent first; files that no longer exist are left out. */
    public List<Path> recentModels() {
        List<Path> out = new ArrayList<>();
        for (String entry : list("model")) {
            Path p = Path.of(entry);
            if (Files.exists(p)) {
                out.add(p);
            }
        }
        return out;
    }

    public void addRecentModel(Path path) {
        String p = path.toAbsolutePath().normalize().toString();
        List<String> entries = list("model");
        entries.remove(p);
        entries.add(0, p);
        setList("model", entries);
    }

    /** Whether this memory outlasts the process (false for {@link #inMemory()}: tests, {@code -Drnnlab.remember=false}). */
    public boolean lasting() {
        return !(node instanceof TransientPreferences);
    }

    /** How the model kept at the last close is described ("trained in the app: ..."), if one was kept. */
    public Optional<String> lastModel() {
        return Optional.ofNullable(node.get("lastModel", null));
    }

    /** Remembers the description of the model just kept for the next start; null forgets it. */
    public void setLastModel(String description) {
        if (description == null) {
            node.remove("lastModel");
            flush();
        } else {
            put("lastModel", description);
        }
    }

    /** A step's setting as the learner left it ({@code "training.epochs"}), if kept. */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(node.get("setting." + key, null));
    }

    /** Keeps a step's setting for the next launch. */
    public void setSetting(String key, String value) {
        put("setting." + key, value);
    }

    /** The corpus to reopen at start: the most recent one that still exists, if any. */
    public Optional<RecentCorpus> lastCorpus() {
        List<RecentCorpus> recent = recentCorpora();
        return recent.isEmpty() ? Optional.empty() : Optional.of(recent.get(0));
    }

    private List<String> list(String kind) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < RECENT; i++) {
            String v = node.get("recent." + kind + "." + i, null);
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }

    private void setList(String kind, List<String> entries) {
        for (int i = 0; i < RECENT; i++) {
            if (i < entries.size()) {
                node.put("recent." + kind + "." + i, entries.get(i));
            } else {
                node.remove("recent." + kind + "." + i);
            }
        }
        flush();
    }

    private void put(String key, String value) {
        node.put(key, value);
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // a read-only home: remembered for this session only
        }
    }
}
