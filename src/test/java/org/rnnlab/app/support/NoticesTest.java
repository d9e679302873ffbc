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
    void aNoticeStaysLongEnoughToBeReadToAClass() {
        assertTrue(Notices.SHOWN_FOR.toSeconds() >= 15, "shown for " + Notices.SHOWN_FOR);
    }
}
