package org.rnnlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecimatedSeriesTest {

    @Test
    void keepsEveryPointWhileThereIsRoom() {
        DecimatedSeries s = new DecimatedSeries(8);
        for (int i = 0; i < 8; i++) {
            s.add(i, 10 + i);
        }
        assertEquals(8, s.size());
        assertEquals(1, s.stride());
        assertEquals(3.0, s.x(3));
        assertEquals(13.0, s.y(3));
    }

    @Test
    void staysBoundedOverALongRun() {
        DecimatedSeries s = new DecimatedSeries(2000);
        for (int i = 0; i < 1_000_000; i++) {
            s.add(i, Math.sin(i));
        }
        assertTrue(s.size() <= 2001, "size " + s.size());
        assertTrue(s.size() >= 1000, "size " + s.size());
        assertEquals(1_000_000, s.added());
    }

    @Test
    void mergedPointsAreMeansAndCoverTheWholeRange() {
        DecimatedSeries s = new DecimatedSeries(4);
        for (int i = 1; i <= 9; i++) {
            s.add(i, i * 10);
        }
        // Capacity 4 holds 4 stored points of 2 raw points each, {1.5, 3.5, 5.5, 7.5}; 9 is pending.
        assertEquals(2, s.stride());
        assertEquals(5, s.size());
        assertEquals(1.5, s.x(0), 1e-12);
        assertEquals(15.0, s.y(0), 1e-12);
        assertEquals(7.5, s.x(3), 1e-12);
        assertEquals(9.0, s.x(4), 1e-12, "the partly filled bucket is shown");
        double[] ys = s.yValues();
        assertEquals(90.0, ys[ys.length - 1], 1e-12);
    }

    @Test
    void preservesTheMeanOfTheSeries() {
        DecimatedSeries s = new DecimatedSeries(16);
        double sum = 0;
        int n = 1024;
        for (int i = 0; i < n; i++) {
            double y = (i * 7919) % 13;
            sum += y;
            s.add(i, y);
        }
        double stored = 0;
        for (int i = 0; i < s.size(); i++) {
            stored += s.y(i);
        }
        assertEquals(sum / n, stored / s.size(), 1e-9);
    }

    @Test
    void clearStartsOver() {
        DecimatedSeries s = new DecimatedSeries(4);
        for (int i = 0; i < 20; i++) {
            s.add(i, i);
        }
        s.clear();
        assertEquals(0, s.size());
        assertEquals(1, s.stride());
        s.add(5, 6);
        assertEquals(1, s.size());
        assertEquals(6.0, s.y(0));
    }

    @Test
    void rejectsAnOddCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new DecimatedSeries(5));
    }
}
