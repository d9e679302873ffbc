package org.rnnlab.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.common.UserException;

class FrequencyTableTest {

    private static FrequencyTable table(String... sentences) {
        FrequencyTable t = new FrequencyTable();
        for (String s : sentences) {
            t.add(List.of(s.split(" ")));
        }
        return t;
    }

    @Test
    void ranksByCountThenByFirstOccurrenceAsFreqDistMostCommon() {
        // counts: b 2, a 2, c 1, d 1; b was seen before a, c before d
        FrequencyTable t = table("b a c", "a b d");
        assertEquals(List.of("b", "a", "c", "d"), t.rankedWords());
        assertEquals(2, t.countAt(0));
        assertEquals(1, t.countAt(3));
        assertEquals(6, t.totalTokens());
        assertEquals(4, t.distinctTokens());
    }

    @Test
    void keepsTheCMinusOneMostFrequentAndPutsUnknownLast() {
        FrequencyTable t = table("b a c", "a b d", "e e e");
        Vocabulary v = t.vocabulary(3);
        assertEquals(List.of("e", "b", Tokens.UNKNOWN), v.words());
        assertEquals(2, v.unknownIndex());
        assertEquals(3, v.count(0));
        assertEquals(4, v.count(2), "UNKNOWN_TOKEN's count is the tokens it replaces: a a c d");
        assertEquals(v.unknownIndex(), v.indexOf("a"));
        assertEquals(5.0 / 9, t.coverage(3), 1e-12);
    }

    @Test
    void fewerDistinctTokensThanCMinusOneKeepsThemAll() {
        FrequencyTable t = table("x y", "y z");
        Vocabulary v = t.vocabulary(8000);
        assertEquals(4, v.size());
        assertEquals(List.of("y", "x", "z", Tokens.UNKNOWN), v.words());
        assertEquals(0, v.count(3));
        assertEquals(3, t.keptWords(8000));
        assertEquals(1.0, t.coverage(8000));
    }

    @Test
    void vocabularySizeBelowThreeIsAnError() {
        FrequencyTable t = table("a b c");
        UserException e = assertThrows(UserException.class, () -> t.vocabulary(2));
        assertEquals(true, e.getMessage().contains("at least 3"), e.getMessage());
        assertThrows(UserException.class, () -> t.coverage(0));
    }

    @Test
    void coverageForEverySize() {
        FrequencyTable t = table("a a a b", "b c");   // a 3, b 2, c 1 of 6
        assertArrayEquals(new double[]{0, 0.5, 5.0 / 6, 1.0}, t.coverageCurve(), 1e-12);
        for (int c = 3; c <= 5; c++) {
            assertEquals(t.coverageCurve()[Math.min(c - 1, 3)], t.coverage(c), 1e-12, "C = " + c);
        }
    }

    @Test
    void aLiteralUnknownTokenInTheTextIsTheSameToken() {
        FrequencyTable t = table("UNKNOWN_TOKEN UNKNOWN_TOKEN a", "b a");
        Vocabulary v = t.vocabulary(3);
        assertEquals(List.of("a", "b", Tokens.UNKNOWN), v.words());
        assertEquals(2, v.count(2));
    }
}
