package org.rnnlab.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.rnnlab.app.support.Background;
import org.rnnlab.app.support.Fakes;

class EngineGateTest {
    private final Fakes.RecordingNotifier notifier = new Fakes.RecordingNotifier();

    @Test
    void withoutAWarmUpGatedWorkRunsAtOnce() {
        Background gated = new EngineGate().gated(new Fakes.DirectBackground(notifier));
        AtomicReference<String> got = new AtomicReference<>();
        gated.submit("load", job -> "model", got::set, e -> got.set("failed: " + e));
        assertEquals("model", got.get());
    }

    @Test
    void onceTheWarmUpHasBegunGatedWorkWaitsUntilTheEngineIsLoaded() throws Exception {
        EngineGate gate = new EngineGate();
        Background gated = gate.gated(new Fakes.DirectBackground(notifier));
        gate.warming();
        CountDownLatch ran = new CountDownLatch(1);
        Thread worker = new Thread(() -> gated.submit("load", job -> {
            ran.countDown();
            return "model";
        }, m -> { }, e -> { }));
        worker.start();
        assertFalse(ran.await(300, TimeUnit.MILLISECONDS), "the model's work began before the engine had loaded");
        gate.opened();
        assertTrue(ran.await(10, TimeUnit.SECONDS), "the work goes on once the engine is loaded");
        worker.join(10_000);
    }
}
