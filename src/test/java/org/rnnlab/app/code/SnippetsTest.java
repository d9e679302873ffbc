package org.rnnlab.app.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.app.steps.LessonSteps;

/** Every step's Code tab finds its function in both files, cut between markers the build copied. */
class SnippetsTest {
    /** What each snippet must contain: the function's numpy and Java names. */
    private static final Map<String, String[]> FUNCTIONS = Map.of(
            "trainingdata", new String[] {"xs.append(np.array(words[:-1]))", "trainingPair("},
            "init", new String[] {"def __init__(", "public ReferenceRnn(int wordDim"},
            "forward", new String[] {"def forward_propagation(", "public Forward forwardPropagation("},
            "loss", new String[] {"def calculate_loss(", "public double calculateLoss("},
            "bptt", new String[] {"def bptt(", "public double[][][] bptt("},
            "gradcheck", new String[] {"def gradient_check(", "public List<Check> gradientCheck("},
            "sgd", new String[] {"def sgd_step(", "public void sgdStep("},
            "predict", new String[] {"def predict(", "public int[] predict("});

    @Test
    void everyStepsSnippetIsInBothFiles() {
        assertEquals(FUNCTIONS.keySet(), Map.copyOf(StepCode.SNIPPETS).values().stream().collect(java.util.stream.Collectors.toSet()));
        for (Map.Entry<String, String> e : StepCode.SNIPPETS.entrySet()) {
            assertTrue(LessonSteps.ALL.stream().anyMatch(s -> s.id().equals(e.getKey())), "no step " + e.getKey());
            String numpy = Snippets.get(Snippets.Language.NUMPY, e.getValue());
            String java = Snippets.get(Snippets.Language.JAVA, e.getValue());
            assertTrue(numpy.contains(FUNCTIONS.get(e.getValue())[0]), e.getValue() + ":\n" + numpy);
            assertTrue(java.contains(FUNCTIONS.get(e.getValue())[1]), e.getValue() + ":\n" + java);
            assertFalse(numpy.contains("[code:") || java.contains("[/code:"), "markers are cut away");
            assertFalse(Character.isWhitespace(numpy.charAt(0)) || Character.isWhitespace(java.charAt(0)), "dedented");
        }
    }

    @Test
    void theForwardSnippetJoinsSoftmaxAndTheForwardPass() {
        String numpy = Snippets.get(Snippets.Language.NUMPY, "forward");
        assertTrue(numpy.startsWith("def softmax(x):"), numpy);
        assertTrue(numpy.contains("\n\ndef forward_propagation(self, x):"), numpy);
    }

    @Test
    void theShownCodeIsTheSourceThatRuns() throws Exception {
        String source = Files.readString(Path.of("src/test/python/reference_rnn.py"));
        assertTrue(source.contains(Snippets.get(Snippets.Language.NUMPY, "bptt").replace("\n", "\n    ")));
    }

    @Test
    void aMissingMarkerFails() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Snippets.get(Snippets.Language.JAVA, "no-such"));
        assertTrue(e.getMessage().contains("[code:no-such]"), e.getMessage());
    }
}
