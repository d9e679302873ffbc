package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GradcheckCommandTest {
    @Test
    void theLessonsCheckPassesWithTheLessonsLines() {
        CliRun r = CliRun.run("gradcheck");
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of(
                "Performing gradient check for parameter U with size 1000.",
                "Gradient check for parameter U passed.",
                "Performing gradient check for parameter V with size 1000.",
                "Gradient check for parameter V passed.",
                "Performing gradient check for parameter W with size 100.",
                "Gradient check for parameter W passed."), lines.subList(0, 6));
        assertTrue(lines.get(6).startsWith("Checked 2,100 elements in "), lines.get(6));
    }

    @Test
    void aTruncatedGradientFailsWithBothValues() {
        CliRun r = CliRun.run("gradcheck", "--vocabulary-size", "20", "--hidden", "4", "--bptt-truncate", "1");
        assertEquals(1, r.exit(), r.toString());
        String out = r.out();
        assertTrue(out.contains("Gradient Check ERROR: parameter=U ix=("), out);
        assertTrue(out.contains("Estimated_gradient: ") && out.contains("Backpropagation gradient: ")
                && out.contains("Relative Error: "), out);
        assertTrue(out.contains("Gradient check for parameter V passed."), out);
        assertTrue(out.contains("Gradient Check ERROR: parameter=W ix=("), out);
    }

    @Test
    void badInputIsOneLine() {
        InitCommandTest.assertOneLineError(CliRun.run("gradcheck", "--x", "0,1", "--y", "1"), "same length");
        InitCommandTest.assertOneLineError(CliRun.run("gradcheck", "--x", "0,500", "--y", "1,2"), "500");
        InitCommandTest.assertOneLineError(CliRun.run("gradcheck", "--h", "0"), "--h");
    }

    @Test
    void everyInjectedBugFailsOnTheParametersItBreaksAndNoBugPasses() {
        for (org.rnnlab.engine.ReferenceRnn.Bug bug : org.rnnlab.engine.ReferenceRnn.Bug.values()) {
            CliRun r = CliRun.run("gradcheck", "--inject-bug", bug.cliName());
            java.util.Set<String> broken = org.rnnlab.engine.ReferenceRnnBugsAccess.broken(bug);
            assertEquals(broken.isEmpty() ? 0 : 1, r.exit(), bug.cliName() + "\n" + r);
            for (String p : List.of("U", "V", "W")) {
                String verdict = broken.contains(p) ? "Gradient Check ERROR: parameter=" + p + " ix=("
                        : "Gradient check for parameter " + p + " passed.";
                assertTrue(r.out().contains(verdict), bug.cliName() + " should print " + verdict + "\n" + r);
            }
        }
    }

    @Test
    void theHelpListsTheBugsAndAnUnknownNameIsOneLine() {
        CliRun help = CliRun.run("gradcheck", "--help");
        for (org.rnnlab.engine.ReferenceRnn.Bug bug : org.rnnlab.engine.ReferenceRnn.Bug.values()) {
            assertTrue(help.out().replaceAll("\\s+", " ").contains(bug.cliName()), help.toString());
        }
        InitCommandTest.assertOneLineError(CliRun.run("gradcheck", "--inject-bug", "tanh"), "tanh-derivative-forgotten");
    }
}
