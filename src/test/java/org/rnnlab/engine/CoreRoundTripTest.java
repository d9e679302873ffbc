package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The round trip ends with its echo thread, twice in a row (a leftover echo would answer the second's numbers). */
class CoreRoundTripTest {
    @Test
    @Timeout(60)
    void aRoundTripTakesTimeAndLeavesNoThreadBehind() throws InterruptedException {
        for (int run = 0; run < 2; run++) {
            long ns = CoreRoundTrip.medianNanos(2_000);
            assertTrue(ns > 0, "a number to the other thread and back takes time: " + ns);
            assertFalse(Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("rnnlab-round-trip") && t.isAlive()), "the echo thread ended");
        }
    }
}
