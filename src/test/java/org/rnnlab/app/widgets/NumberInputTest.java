package org.rnnlab.app.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import org.junit.jupiter.api.Test;
import org.rnnlab.app.widgets.NumberInput.Kind;

/** The reading, range and commit rules of a number field, without a stage. */
class NumberInputTest {

    @Test
    void onlyWhatCanBecomeANumberCanBeTyped() {
        for (String ok : List.of("", "-", "+", "7", "-5", "1,000", "99999999999")) {
            assertTrue(NumberInput.typeable(ok, Kind.WHOLE), ok);
        }
        for (String no : List.of("a", "abc", "5a", "1.5", "1e3", "--5", "5-", ",5", " 5")) {
            assertFalse(NumberInput.typeable(no, Kind.WHOLE), no);
        }
        for (String ok : List.of("", "-", ".", "0.", "0.005", "1e", "1e-", "1e-5", "2.5E+3", "-0.1", "10,000.5")) {
            assertTrue(NumberInput.typeable(ok, Kind.DECIMAL), ok);
        }
        for (String no : List.of("abc", "e5", "1..2", "1.2.3", "1e5e", "1e5.1", "1e--5", "NaN", "Infinity", "0x10", "1d")) {
            assertFalse(NumberInput.typeable(no, Kind.DECIMAL), no);
        }
        assertFalse(NumberInput.typeable("1".repeat(NumberInput.MAX_LENGTH + 1), Kind.WHOLE), "no endless text");
    }

    @Test
    void readingSaysWhatIsWrongAndNeverThrows() {
        assertEquals("Type a whole number (1 to 20).", NumberInput.read("", Kind.WHOLE, 1, 20, false).problem());
        assertEquals("\u201c-\u201d is not a whole number yet (1 to 20).", NumberInput.read("-", Kind.WHOLE, 1, 20, false).problem());
        assertEquals("\u201cabc\u201d is not a whole number (1 to 20).", NumberInput.read("abc", Kind.WHOLE, 1, 20, false).problem());
        assertEquals("-5 is too small (1 to 20).", NumberInput.read("-5", Kind.WHOLE, 1, 20, false).problem());
        assertEquals("99999999999 is too large (1 to 20).", NumberInput.read("99999999999", Kind.WHOLE, 1, 20, false).problem());
        assertEquals("99999999999999999999 is too large (0 to 2,147,483,647).".replace("99999999999999999999", "999999999999\u2026"),
                NumberInput.read("99999999999999999999", Kind.WHOLE, 0, Integer.MAX_VALUE, false).problem());
        assertEquals("5 is too large (0.1 to 3).", NumberInput.read("5", Kind.DECIMAL, 0.1, 3, false).problem());
        assertEquals("\u201c1e\u201d is not a number yet (0.1 to 3).", NumberInput.read("1e", Kind.DECIMAL, 0.1, 3, false).problem());
        assertTrue(NumberInput.read("1e9999999999", Kind.DECIMAL, 0.1, 3, false).problem().contains("out of range"));
        assertEquals("0 is too small (more than 0, up to 100).", NumberInput.read("0", Kind.DECIMAL, 0, 100, true).problem());
        assertEquals(1000L, NumberInput.read(" 1,000 ", Kind.WHOLE, 3, 10_000, false).value());
        assertEquals(0.005, NumberInput.read("5e-3", Kind.DECIMAL, 0, 100, true).value());
        assertEquals(3.0, NumberInput.read("3", Kind.DECIMAL, 0.1, 3, false).value(), "the bounds are in range");
        assertEquals(0.1, NumberInput.read("0.1", Kind.DECIMAL, 0.1, 3, false).value());
        assertEquals("Type a whole number (nothing to choose from yet).", NumberInput.read("", Kind.WHOLE, 1, 0, false).problem());
    }

    @Test
    void numbersAreShownShortAndTypeable() {
        assertEquals("0.005", NumberInput.format(0.005, Kind.DECIMAL));
        assertEquals("3", NumberInput.format(3.0, Kind.DECIMAL));
        assertEquals("0.1", NumberInput.format(0.1, Kind.DECIMAL));
        assertEquals("1e-5", NumberInput.format(1e-5, Kind.DECIMAL));
        assertEquals("2.5e-7", NumberInput.format(2.5e-7, Kind.DECIMAL));
        assertEquals("1e-10", NumberInput.format(1e-10, Kind.DECIMAL));
        assertEquals("8000", NumberInput.format(8000, Kind.WHOLE));
        for (double v : new double[] {0.005, 1e-5, 2.5e-7, 1e-10, 1e12, 123.25}) {
            String s = NumberInput.format(v, Kind.DECIMAL);
            assertTrue(NumberInput.typeable(s, Kind.DECIMAL), s);
            assertEquals(v, NumberInput.read(s, Kind.DECIMAL, 0, 1e13, true).value(), s);
        }
    }

    @Test
    void theValueTakesOnlyNumbersInRangeAndNothingIsClamped() {
        IntegerProperty count = new SimpleIntegerProperty(5);
        NumberInput in = NumberInput.whole("the number of sentences", count, 1, 20);
        assertEquals("5", in.textProperty().get());
        assertTrue(in.isValid());
        assertEquals("1 to 20", in.rangeTextProperty().get());

        assertFalse(in.enter("40"));
        assertEquals(5, count.get(), "refused, not clamped to 20");
        assertEquals("40", in.textProperty().get(), "what was typed stays, with why");
        assertFalse(in.isValid());
        assertEquals("40 is too large (1 to 20).", in.problemProperty().get());

        in.textProperty().set("");
        assertFalse(in.isValid());
        assertFalse(in.commit());
        assertEquals(5, count.get());

        assertTrue(in.enter("1,2"));
        assertEquals(12, count.get());
        assertEquals("12", in.textProperty().get(), "shown the way it was taken");
        assertTrue(in.isValid());
        assertEquals("", in.problemProperty().get());
    }

    @Test
    void typingIsCheckedAtOnceButTakenOnlyOnCommit() {
        LongProperty seed = new SimpleLongProperty(10);
        NumberInput in = NumberInput.whole("the seed", seed, 0, Integer.MAX_VALUE);
        in.textProperty().set("-5");
        assertFalse(in.isValid(), "checked while typing: a command can be off at once");
        in.textProperty().set("11");
        assertTrue(in.isValid());
        assertEquals(10, seed.get(), "not taken before Enter or leaving the field");
        in.commit();
        assertEquals(11, seed.get());
    }

    @Test
    void aValueSetElsewhereIsShownAndClearsTheProblem() {
        DoubleProperty rate = new SimpleDoubleProperty(0.005);
        NumberInput in = NumberInput.decimal("the learning rate", rate, 0, 100).aboveMin();
        assertEquals("0.005", in.textProperty().get());
        in.textProperty().set("");
        assertFalse(in.isValid());
        rate.set(0.01);   // "Lesson's settings", say
        assertEquals("0.01", in.textProperty().get());
        assertTrue(in.isValid());
    }

    @Test
    void aNarrowerRangeTurnsTheShownValueIntoAProblem() {
        IntegerProperty n = new SimpleIntegerProperty(1000);
        NumberInput in = NumberInput.whole("N", n, 1, 1_000_000);
        in.maxProperty().set(40);
        assertFalse(in.isValid());
        assertEquals("1000 is too large (1 to 40).", in.problemProperty().get());
        assertEquals(1000, n.get(), "the value is not changed behind the learner's back");
    }

    @Test
    void anIndexIsShownFromOne() {
        IntegerProperty index = new SimpleIntegerProperty(0);
        IntegerProperty count = new SimpleIntegerProperty(0);
        List<Integer> picked = new ArrayList<>();
        NumberInput in = NumberInput.index("the sentence number", index, i -> {
            picked.add(i);
            index.set(i);
        }, count);
        assertFalse(in.availableProperty().get(), "nothing to choose from yet");
        assertFalse(in.isValid());
        assertEquals("", in.problemProperty().get(), "no red line for an empty corpus");
        count.set(40);
        assertTrue(in.availableProperty().get());
        assertEquals("1", in.textProperty().get(), "index 0 is sentence 1");
        assertTrue(in.enter("40"));
        assertEquals(List.of(39), picked);
        assertFalse(in.enter("0"));
        assertFalse(in.enter("41"));
        assertEquals(List.of(39), picked);
        assertEquals("41 is too large (1 to 40).", in.problemProperty().get());
        index.set(4);
        assertEquals("5", in.textProperty().get());
    }

    @Test
    void theArrowsStepWithinTheRange() {
        DoubleProperty t = new SimpleDoubleProperty(2.9);
        NumberInput in = NumberInput.decimal("the temperature", t, 0.1, 3).step(0.1);
        in.stepBy(1);
        assertEquals(3.0, t.get(), 1e-12);
        assertEquals("3", in.textProperty().get());
        in.stepBy(1);
        assertEquals(3.0, t.get(), 1e-12, "stays at the top");
        in.stepBy(-1);
        assertEquals("2.9", in.textProperty().get(), "no 2.9000000000000004");
        in.textProperty().set("");
        in.stepBy(-1);
        assertEquals(2.8, t.get(), 1e-12, "from the current value when the text is empty");
    }

    @Test
    void aGroupIsValidOnlyWhenEveryFieldIsAndNamesTheFirstProblem() {
        DoubleProperty t = new SimpleDoubleProperty(1);
        IntegerProperty min = new SimpleIntegerProperty(7);
        NumberInput temperature = NumberInput.decimal("the temperature", t, 0.1, 3);
        NumberInput words = NumberInput.whole("the minimum length", min, 1, 40);
        NumberInputs group = new NumberInputs(temperature, words);
        assertTrue(group.isValid());
        assertEquals("", group.problemProperty().get());
        words.textProperty().set("1000");
        assertFalse(group.isValid());
        assertEquals("Fix the minimum length first: 1000 is too large (1 to 40).", group.problemProperty().get());
        temperature.textProperty().set("");
        assertEquals("Fix the temperature first: type a number (0.1 to 3).", group.problemProperty().get());
        temperature.revert();
        words.revert();
        assertTrue(group.isValid());
        assertNull(NumberInput.read("x", Kind.WHOLE, 1, 2, false).value());
    }
}
