package org.rnnlab.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppMemoryTest {
    @TempDir
    Path dir;

    @Test
    void remembersTheThemeTextSizeWindowAndStep() {
        TransientPreferences node = new TransientPreferences();
        AppMemory memory = new AppMemory(node);
        assertEquals(Optional.empty(), memory.dark());
        assertTrue(memory.fontSize().isEmpty());
        assertEquals(Optional.empty(), memory.window());
        memory.setDark(true);
        memory.setFontSize(18);
        memory.setWindow(new AppMemory.WindowPlace(10, 20, 1600, 900, false));
        memory.setLastStep("trainingStep");
        AppMemory next = new AppMemory(node); // the next launch reads the same node
        assertEquals(Optional.of(true), next.dark());
        assertEquals(18, next.fontSize().getAsDouble());
        assertEquals(Optional.of(new AppMemory.WindowPlace(10, 20, 1600, 900, false)), next.window());
        assertEquals(Optional.of("trainingStep"), next.lastStep());
    }

    @Test
    void recentCorporaAreMostRecentFirstWithoutRepeatsAtMostEightAndOnlyThoseThatExist() throws Exception {
        AppMemory memory = new AppMemory(new TransientPreferences());
        for (int i = 0; i < 10; i++) {
            memory.addRecentCorpus(Files.writeString(dir.resolve("c" + i + ".csv"), "body\nx\n"), "body");
        }
        memory.addRecentCorpus(dir.resolve("c5.csv"), "text");
        List<AppMemory.RecentCorpus> recent = memory.recentCorpora();
        assertEquals(AppMemory.RECENT, recent.size());
        assertEquals(new AppMemory.RecentCorpus(dir.resolve("c5.csv"), "text"), recent.get(0), "reopened: first, its new column");
        assertEquals(dir.resolve("c9.csv"), recent.get(1).path());
        assertEquals(1, recent.stream().filter(r -> r.path().endsWith("c5.csv")).count());
        Files.delete(dir.resolve("c5.csv"));
        assertEquals(dir.resolve("c9.csv"), memory.lastCorpus().orElseThrow().path(), "a deleted file is not reopened");
    }

    @Test
    void recentModelsAndAForgettingMemory() throws Exception {
        AppMemory memory = new AppMemory(new TransientPreferences());
        Path a = Files.writeString(dir.resolve("a.npz"), "");
        Path b = Files.writeString(dir.resolve("b.npz"), "");
        memory.addRecentModel(a);
        memory.addRecentModel(b);
        memory.addRecentModel(a);
        assertEquals(List.of(a, b), memory.recentModels());
        String before = System.getProperty(AppMemory.PROPERTY);
        System.setProperty(AppMemory.PROPERTY, "false");
        try {
            AppMemory forgetful = AppMemory.forUser();
            forgetful.setLastStep("lossStep");
            assertEquals(Optional.empty(), AppMemory.forUser().lastStep(), "nothing outlives the run");
        } finally {
            if (before == null) {
                System.clearProperty(AppMemory.PROPERTY);
            } else {
                System.setProperty(AppMemory.PROPERTY, before);
            }
        }
    }
}
