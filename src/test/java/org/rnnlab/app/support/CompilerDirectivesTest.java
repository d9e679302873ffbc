package org.rnnlab.app.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class CompilerDirectivesTest {
    private static String command(String name) throws Exception {
        return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), name,
                new Object[] {new String[0]}, new String[] {String[].class.getName()}));
    }

    @Test
    void theUisCodeIsKeptFromC2AndTheEnginesIsNot() throws Exception {
        assertFalse(command("compilerDirectivesPrint").contains("io/fair_acc/*.*"), "not there before");
        assertTrue(CompilerDirectives.keepUiAtC1(), "the JVM took the directive");
        try {
            String now = command("compilerDirectivesPrint");
            assertTrue(now.contains("javafx/*.*") && now.contains("io/fair_acc/*.*") && now.contains("org/rnnlab/app/*.*"), now);
            assertTrue(now.contains("Exclude:true"), now);
            assertFalse(now.contains("org/rnnlab/engine"), "the engine keeps C2");
        } finally {
            command("compilerDirectivesRemove"); // the tests' JVM as it was
        }
    }

    @Test
    void itCanBeTurnedOff() {
        System.setProperty(CompilerDirectives.PROPERTY, "false");
        try {
            assertFalse(CompilerDirectives.keepUiAtC1());
        } finally {
            System.clearProperty(CompilerDirectives.PROPERTY);
        }
    }
}
