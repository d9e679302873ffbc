package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The root command: help lists every step, a mistyped command gets one line and a non-zero exit. */
class RnnLabCommandTest {

    @Test
    void helpListsEveryCommand() {
        CliRun r = CliRun.run("--help");
        assertEquals(0, r.exit());
        for (String c : new String[] {"prepare", "tokenize", "init", "train", "loss", "gradcheck", "generate", "predict", "bench"}) {
            assertTrue(r.out().contains(c), "help lacks " + c);
        }
    }

    @Test
    void unknownOptionIsOneLineWithAHint() {
        CliRun r = CliRun.run("gradcheck", "--no-such-option");
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--no-such-option") && r.err().contains("rnnlab gradcheck --help"), r.err());
        assertFalse(r.err().contains("Exception"));
    }

    @Test
    void unknownCommandIsOneLine() {
        CliRun r = CliRun.run("frobnicate");
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
