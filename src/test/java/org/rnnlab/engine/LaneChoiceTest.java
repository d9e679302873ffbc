package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LaneChoiceTest {
    /** Asks for ways and records for each the cost given, as the kernel does; returns how many calls chose two threads. */
    private static int run(Kernel.LaneChoice choice, int calls, long oneNanos, long twoNanos) {
        int two = 0;
        for (int i = 0; i < calls; i++) {
            boolean useTwo = choice.twoThreads();
            choice.record(useTwo, useTwo ? twoNanos : oneNanos, 45);
            two += useTwo ? 1 : 0;
        }
        return two;
    }

    @Test
    void twoThreadsComeBackAfterSlowFirstCallsOnceATryIsFast() {
        Kernel.LaneChoice choice = new Kernel.LaneChoice();
        // the JIT's first calls: two threads ten times slower than later
        run(choice, 20, 2_500_000, 12_000_000);
        assertFalse(choice.twoThreads(), "slow two-thread calls: one thread is chosen");
        // compiled now: two threads take 1.2 ms; within one round of tries they are chosen again
        run(choice, 40, 2_500_000, 1_200_000);
        int two = run(choice, 64, 2_500_000, 1_200_000);
        assertTrue(two >= 60, "two threads chosen in " + two + " of 64 calls");
    }

    @Test
    void aBusyMachineWhereTwoThreadsAreSlowerKeepsOneThread() {
        Kernel.LaneChoice choice = new Kernel.LaneChoice();
        int two = run(choice, 200, 2_500_000, 4_000_000);
        assertTrue(two < 20, "two threads chosen in " + two + " of 200 calls");
    }

    @Test
    void triesOfAWayThatKeepsLosingComeLessOften() {
        Kernel.LaneChoice choice = new Kernel.LaneChoice();
        int two = run(choice, 2000, 2_500_000, 1_200_000);
        // one try in 32 would be about 65 one-thread calls, each costing most of a step
        assertTrue(2000 - two <= 25, "one thread tried in " + (2000 - two) + " of 2000 calls");
        assertEquals(256, choice.tryEvery());
    }

    @Test
    void aStallOfTheLaneLeavesTwoThreadsOnlyBriefly() {
        Kernel.LaneChoice choice = new Kernel.LaneChoice();
        run(choice, 2000, 2_500_000, 1_200_000); // quiet: two threads, tries of one thread rare
        assertEquals(256, choice.tryEvery());
        run(choice, 8, 2_500_000, 7_000_000); // the lane's core held elsewhere for a few calls: one thread
        assertFalse(choice.twoThreads());
        int two = run(choice, 100, 2_500_000, 1_200_000); // the stall is over
        assertTrue(two >= 60, "two threads chosen again in " + two + " of 100 calls");
    }

    @Test
    void aWayThatTurnsFasterIsFoundWithinAFewHundredCalls() {
        Kernel.LaneChoice choice = new Kernel.LaneChoice();
        run(choice, 2000, 2_500_000, 4_000_000); // busy: one thread wins, and tries of two come rarely
        assertEquals(256, choice.tryEvery());
        run(choice, 300, 2_500_000, 1_200_000); // the machine turns quiet
        int two = run(choice, 100, 2_500_000, 1_200_000);
        assertTrue(two >= 95, "two threads chosen in " + two + " of 100 calls");
    }
}
