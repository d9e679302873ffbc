package org.rnnlab.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The window's JVM keeps less of its heap free and collects when idle (G1 only). */
class HeapReturnTest {
    private static final String[] OPTIONS = {"MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval"};

    @Test
    void theRunningJvmTakesTheOptions() {
        assumeTrue(HeapReturn.runsG1(), "the tests' JVM does not run G1");
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String[] before = new String[OPTIONS.length];
        for (int i = 0; i < OPTIONS.length; i++) {
            before[i] = vm.getVMOption(OPTIONS[i]).getValue();
        }
        try {
            assertEquals(true, HeapReturn.apply());
            assertEquals(HeapReturn.MIN_FREE, vm.getVMOption("MinHeapFreeRatio").getValue());
            assertEquals(HeapReturn.MAX_FREE, vm.getVMOption("MaxHeapFreeRatio").getValue());
            assertEquals(HeapReturn.IDLE_CYCLE_MS, vm.getVMOption("G1PeriodicGCInterval").getValue());
        } finally {
            // the other tests share this JVM: its defaults back (the maximum first, as it goes up)
            vm.setVMOption("G1PeriodicGCInterval", before[2]);
            vm.setVMOption("MaxHeapFreeRatio", before[1]);
            vm.setVMOption("MinHeapFreeRatio", before[0]);
        }
    }
}
