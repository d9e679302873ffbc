package org.rnnlab.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Notices a teacher can read aloud: full sentences, shown long enough. */
class NoticesTest {
    @Test
    void everyNoticeIsAFullSentence() {
        assertEquals("The corpus is not prepared yet.", Notices.sentence("The corpus is not prepared yet"));
        assertEquals("Saved the model to m.npz.", Notices.sentence("Saved the model to m.npz."));
        assertEquals("Stop the training first?", Notices.sentence("Stop the training first?"));
        assertEquals("Something went wrong: x.", Notices.sentence("  Something went wrong: x  "));
        assertEquals("", Notices.sentence(null));
    }

    @Test
    void aSentenceOfTheLayersBelowIsSaidInTheWindowsLanguage() {
        // the language passed, not set: setting the window's language here, off the FX thread, relabels live charts
        var missing = org.rnnlab.common.UserException.said("corpus.missing", java.nio.file.Path.of("talks.csv"));
        assertEquals("没有这个文件或文件夹：talks.csv（请检查路径）",
                Notices.describe(new RuntimeException(missing), org.rnnlab.app.i18n.Language.SIMPLIFIED_CHINESE));
        assertEquals("no such file or folder: talks.csv (check the path)",
                Notices.describe(missing, org.rnnlab.app.i18n.Language.ENGLISH));
        assertEquals("written out", Notices.describe(new org.rnnlab.common.UserException("written out"),
                org.rnnlab.app.i18n.Language.SIMPLIFIED_CHINESE));
    }

    /** A file the system refused is said with why, not as a bare path (its exception's whole message). */
    @Test
    void aRefusedFileSaysWhy() {
        assertEquals("Could not read or write a file: permission denied: /x/run.jsonl.", Notices.describe(
                new RuntimeException(new java.nio.file.AccessDeniedException("/x/run.jsonl")), org.rnnlab.app.i18n.Language.ENGLISH));
    }

    @Test
    void aNoticeStaysLongEnoughToBeReadToAClass() {
        assertTrue(Notices.SHOWN_FOR.toSeconds() >= 15, "shown for " + Notices.SHOWN_FOR);
    }
}
