package org.rnnlab.app.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;
import org.rnnlab.app.support.AppMemory;

/** A step's fields come back at the next launch as the learner left them, through their own checks. */
class FormMemoryTest {
    private final AppMemory memory = AppMemory.inMemory(); // shared by both "launches"

    @Test
    void aValueTheLearnerSetIsThereAtTheNextLaunch() {
        DoubleProperty rate = new SimpleDoubleProperty(0.005);
        IntegerProperty epochs = new SimpleIntegerProperty(10);
        NumberInput rateInput = NumberInput.decimal("the learning rate", rate, 0, 1e6).aboveMin();
        NumberInput epochsInput = NumberInput.whole("the number of epochs", epochs, 1, 1000);
        new FormMemory(memory, "training").keep("learningRate", rateInput).keep("epochs", epochsInput);
        assertEquals(Optional.empty(), memory.setting("training.epochs"), "nothing kept until something changes");
        rateInput.enter("0.0001");
        epochsInput.enter("25");
        assertEquals(Optional.of("25"), memory.setting("training.epochs"));

        DoubleProperty rateNext = new SimpleDoubleProperty(0.005);
        IntegerProperty epochsNext = new SimpleIntegerProperty(10);
        NumberInput rateNextInput = NumberInput.decimal("the learning rate", rateNext, 0, 1e6).aboveMin();
        new FormMemory(memory, "training").keep("learningRate", rateNextInput)
                .keep("epochs", NumberInput.whole("the number of epochs", epochsNext, 1, 1000));
        assertEquals(0.0001, rateNext.get(), 0.0);
        assertEquals(25, epochsNext.get());
        assertEquals("0.0001", rateNextInput.textProperty().get(), "the field shows it too");
    }

    @Test
    void aKeptValueTodaysRangeRefusesLeavesTheDefault() {
        memory.setSetting("generate.minLength", "90");
        IntegerProperty minLength = new SimpleIntegerProperty(7);
        NumberInput input = NumberInput.whole("the minimum length", minLength, 1, 40);
        new FormMemory(memory, "generate").keep("minLength", input);
        assertEquals(7, minLength.get());
        assertEquals("7", input.textProperty().get(), "and no problem line left from it");
        assertEquals("", input.problemProperty().get());
    }
}
