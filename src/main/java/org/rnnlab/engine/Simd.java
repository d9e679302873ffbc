package org.rnnlab.engine;

/**
 * Whether the engine's vector kernels ({@link VectorKernels}) run: only when the JVM was started
 * with JDK's incubating vector module ({@code --add-modules jdk.incubator.vector}), which the
 * launch adds for the commands that train (see {@code org.rnnlab.Relaunch}); without it the
 * plain loops run, to the same numbers within float32's rounding. This class never touches the
 * module's classes unless it is there.
 */
public final class Simd {
    /** The JDK module the kernels need. */
    public static final String MODULE = "jdk.incubator.vector";
    /** System property: "off" keeps the plain loops even with the module (to compare the two). */
    public static final String PROPERTY = "rnnlab.vector";

    private static final boolean ON = ModuleLayer.boot().findModule(MODULE).isPresent()
            && !"off".equals(System.getProperty(PROPERTY)) && VectorKernels.LANES >= 4;

    private Simd() {
    }

    /** Whether the vector kernels run in this JVM. */
    static boolean on() {
        return ON;
    }

    /** For the bench and the logs: what runs W s and tanh. */
    public static String describe() {
        if (ON) {
            return "vector kernels (" + MODULE + "), " + VectorKernels.LANES + " floats a vector";
        }
        if ("off".equals(System.getProperty(PROPERTY))) {
            return "plain loops (-D" + PROPERTY + "=off)";
        }
        return "plain loops (the JVM was started without --add-modules " + MODULE + ")";
    }
}
