package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MeanChoiceTest {
    /** What a call costs on each way: a base cost with 10% noise, and now and then a stall. */
    private record Costs(long oneNanos, long twoNanos, int twoStallEvery, long stallNanos) {
        long of(boolean two, SplittableRandom random) {
            long base = two ? twoNanos : oneNanos;
            long cost = (long) (base * (0.95 + 0.1 * random.nextDouble()));
            if (two && twoStallEvery > 0 && random.nextInt(twoStallEvery) == 0) {
                cost += stallNanos;
            }
            return cost;
        }
    }

    private static final Costs QUIET = new Costs(200_000, 160_000, 0, 0);
    /** Another process holds a core: two threads as fast as before in most calls, one call in eight waits 3 ms. */
    private static final Costs BUSY = new Costs(230_000, 160_000, 8, 3_000_000);

    /** Asks for ways and records their costs, as the kernel does; returns how many calls ran on two threads. */
    private static int run(MeanChoice choice, int calls, Costs costs, SplittableRandom random) {
        int two = 0;
        for (int i = 0; i < calls; i++) {
            boolean useTwo = choice.twoThreads();
            choice.record(useTwo, costs.of(useTwo, random), 20 + random.nextInt(30));
            two += useTwo ? 1 : 0;
        }
        return two;
    }

    @Test
    void aQuietMachineKeepsTwoThreadsAndTriesOneRarely() {
        MeanChoice choice = new MeanChoice();
        int two = run(choice, 20_000, QUIET, new SplittableRandom(1));
        // a try of one thread after every run would be 27% of the calls; backed off, a try in 16 runs: 2.3%
        assertTrue(20_000 - two < 700, "one thread in " + (20_000 - two) + " of 20,000 calls");
        assertTrue(choice.keepsTwo());
        assertEquals(MeanChoice.RUNS_AT_MOST, choice.runsBetweenTries());
    }

    @Test
    void stallsOfTwoThreadsThatOnlyTheMeanShowsLeadToOneThread() {
        // the least of two-thread costs (160 us) stays below one thread's (230 us): only the mean
        // (about 530 us) says two threads are slower
        MeanChoice choice = new MeanChoice();
        run(choice, 1_000, BUSY, new SplittableRandom(2));
        assertFalse(choice.keepsTwo(), "one thread kept after 1,000 calls");
        int two = run(choice, 10_000, BUSY, new SplittableRandom(3));
        assertTrue(two < 500, "two threads in " + two + " of 10,000 calls");
    }

    @Test
    void twoThreadsComeBackWhenTheStallsStop() {
        MeanChoice choice = new MeanChoice();
        run(choice, 10_000, BUSY, new SplittableRandom(4));
        assertFalse(choice.keepsTwo());
        // at most RUNS_AT_MOST runs until the next try, which wins
        run(choice, (MeanChoice.RUNS_AT_MOST + 1) * MeanChoice.RUN + MeanChoice.TRY, QUIET, new SplittableRandom(5));
        assertTrue(choice.keepsTwo(), "two threads kept once the machine is quiet again");
    }

    @Test
    void oneDisturbanceLongerThanTheCallsLeftOutDoesNotChangeTheWay() {
        MeanChoice choice = new MeanChoice();
        SplittableRandom random = new SplittableRandom(6);
        run(choice, 5_000, QUIET, random);
        assertTrue(choice.keepsTwo());
        for (int i = 0; i < 2 * MeanChoice.RUN; i++) {
            boolean useTwo = choice.twoThreads();
            // twelve calls in a row held 5 ms each (a collection, the JIT), more than a run leaves out
            long cost = QUIET.of(useTwo, random) + (i >= 100 && i < 112 ? 5_000_000 : 0);
            choice.record(useTwo, cost, 30);
            assertTrue(choice.keepsTwo(), "two threads kept through the disturbance, call " + i);
        }
    }

    @Test
    void theJitsSlowFirstCallsAreNotJudged() {
        MeanChoice choice = new MeanChoice();
        SplittableRandom random = new SplittableRandom(7);
        // the first 130 calls, before the JIT compiled the step, ten times slower whichever way they take:
        // judged, they would make two threads' first run look far slower than the try of one after it
        run(choice, 130, new Costs(2_000_000, 1_600_000, 0, 0), random);
        int two = run(choice, 2_000, QUIET, random);
        assertTrue(2_000 - two <= 3 * MeanChoice.TRY, "one thread in " + (2_000 - two) + " of 2,000 calls");
    }

    @Test
    void callsMadeAnotherWayThanAskedAreNotCounted() {
        MeanChoice choice = new MeanChoice();
        // the lane was busy, so calls that asked for two threads ran on one, slowly: not two threads' cost
        for (int i = 0; i < 10 * MeanChoice.RUN; i++) {
            choice.record(false, 10_000_000, 30);
        }
        assertTrue(choice.twoThreads());
        assertTrue(choice.keepsTwo());
    }
}
