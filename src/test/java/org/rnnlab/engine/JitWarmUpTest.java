package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JitWarmUpTest {
    @Test
    void runsTheEngineAndLeavesItsSecondThreadFree() {
        EngineThreads.configure();
        JitWarmUp.run();
        Lane lane = EngineThreads.lane();
        if (lane != null) {
            assertTrue(lane.fork(() -> { }), "the warm-up left the engine's second thread taken");
            lane.join();
        }
    }
}
