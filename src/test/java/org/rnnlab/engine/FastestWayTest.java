package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FastestWayTest {
    /** Takes {@code calls} ways, each costing {@code cost[way]}; returns how often each was taken. */
    private static int[] run(FastestWay choice, int calls, double... cost) {
        int[] taken = new int[cost.length];
        for (int i = 0; i < calls; i++) {
            int way = choice.next();
            choice.record(way, cost[way]);
            taken[way]++;
        }
        return taken;
    }

    @Test
    void triesEveryWayThenKeepsTheCheapest() {
        FastestWay choice = new FastestWay(4, 64);
        int[] first = run(choice, 12, 38, 27, 37, 28);
        assertEquals(3, first[0]);
        assertEquals(3, first[3]); // each tried three times before any is judged
        int[] taken = run(choice, 640, 38, 27, 37, 28);
        assertTrue(taken[1] >= 630, "the cheapest way taken " + taken[1] + " times of 640");
        assertTrue(taken[0] > 0 && taken[2] > 0 && taken[3] > 0, "the others are still tried now and then");
    }

    @Test
    void aWayThatBecomesCheaperIsFoundAgain() {
        FastestWay choice = new FastestWay(4, 64);
        run(choice, 300, 26, 37, 37, 37);
        // the arrays moved: way 0 is now slow and way 2 fast; the old fast samples age out of the window
        run(choice, 3000, 38, 37, 27, 37);
        int[] taken = run(choice, 640, 38, 37, 27, 37);
        assertTrue(taken[2] >= 620, "the new cheapest way taken " + taken[2] + " times of 640");
    }

    @Test
    void twoWaysAsFastAreNotSwappedForNoise() {
        FastestWay choice = new FastestWay(4, 64);
        java.util.SplittableRandom noise = new java.util.SplittableRandom(3);
        int[] ways = new int[5000];
        for (int i = 0; i < ways.length; i++) {
            int way = choice.next();
            double base = way == 0 || way == 3 ? 27 : 37; // two fast ways, two slow
            choice.record(way, base * (1 + 0.3 * noise.nextDouble() * noise.nextDouble()));
            ways[i] = way;
        }
        int changes = 0; // from a way kept to another then kept (a try out of turn lasts one call)
        for (int i = 100; i + 1 < ways.length; i++) {
            if (ways[i - 2] == ways[i - 1] && ways[i] != ways[i - 1] && ways[i] == ways[i + 1]) {
                changes++;
            }
        }
        assertTrue(changes < 10, changes + " changes of the way kept in 5,000 calls");
    }

    @Test
    void aSingleSlowSampleDoesNotMakeAWayLookSlow() {
        FastestWay choice = new FastestWay(2, 64);
        run(choice, 100, 10, 20);
        choice.record(0, 500); // a descheduled thread
        int[] taken = run(choice, 64, 10, 20);
        assertTrue(taken[0] >= 63, "way 0 taken " + taken[0] + " times of 64");
    }
}
