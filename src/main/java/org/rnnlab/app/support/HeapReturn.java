package org.rnnlab.app.support;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Has the garbage collector hand memory back to the system, for the window (a long-lived process
 * that loads a corpus, then trains for minutes). G1 grows its heap while the corpus loads and by
 * default keeps up to 70% of it free; the parameters' copies a run publishes hold native memory
 * that only a collection frees, and a learner reading a step allocates too little for one to come.
 * So: at most 30% of the heap kept free (given back after a marking cycle), and a concurrent cycle
 * after 15 s without any collection. All three are manageable options of the running JVM, which
 * {@code java -jar} gives no other way to set; on another collector or JVM nothing changes.
 */
public final class HeapReturn {
    static final String MIN_FREE = "10";
    static final String MAX_FREE = "30";
    static final String IDLE_CYCLE_MS = "15000";

    private HeapReturn() {
    }

    /** Whether this JVM collects with G1, the only collector the options are for. */
    static boolean runsG1() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(b -> b.getName().startsWith("G1"));
    }

    /** Applies the options; returns whether the JVM took them. Never fails. */
    public static boolean apply() {
        try {
            if (!runsG1()) {
                return false;
            }
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            vm.setVMOption("MinHeapFreeRatio", MIN_FREE); // first: the maximum may not go below the minimum
            vm.setVMOption("MaxHeapFreeRatio", MAX_FREE);
            vm.setVMOption("G1PeriodicGCInterval", IDLE_CYCLE_MS);
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot, or options it does not know: the defaults stay
        }
    }
}
