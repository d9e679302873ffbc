package org.rnnlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Compares {@link TreebankTokenizer} with NLTK's NLTKWordTokenizer on the sentences that
 * src/test/python/nltk_fixtures.py tokenized with NLTK.
 */
class NltkFixturesTest {

    record Fixture(String sentence, String expected) {
    }

    static List<Fixture> load(String resource) throws IOException {
        InputStream in = NltkFixturesTest.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing test resource " + resource);
        }
        if (resource.endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        List<Fixture> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            assertEquals("sentence\ttokens", header, resource + " header");
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.lastIndexOf('\t');
                out.add(new Fixture(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return out;
    }

    /** Share of sentences tokenized exactly as NLTK does; prints the first differences. */
    static double agreement(List<Fixture> fixtures, String name) {
        TreebankTokenizer tokenizer = new TreebankTokenizer();
        int same = 0;
        int shown = 0;
        for (Fixture f : fixtures) {
            String got = String.join(" ", tokenizer.tokenize(f.sentence()));
            if (got.equals(f.expected())) {
                same++;
            } else if (shown++ < 40) {
                System.out.println(name + " differs: " + f.sentence() + "\n   nltk: " + f.expected() + "\n   java: " + got);
            }
        }
        double share = (double) same / fixtures.size();
        System.out.printf(Locale.ROOT, "%s: %d of %d sentences identical to NLTK (%.3f%%)%n", name, same,
                fixtures.size(), 100 * share);
        return share;
    }

    @Test
    void agreesWithNltkOnTheTuningFixtures() throws IOException {
        List<Fixture> fixtures = load("/text/nltk-fixtures.tsv");
        assertTrue(fixtures.size() > 2000, "fixture file too small: " + fixtures.size());
        double share = agreement(fixtures, "tuning fixtures (reddit sample, hard cases, random strings)");
        assertTrue(share >= 0.995, "agreement with NLTK on the tuning fixtures: " + share);
    }

    /**
     * Held-out English: every sentence of the sample corpus (State of the Union addresses),
     * never looked at while writing the tokenizer's rules.
     */
    @Test
    void agreesWithNltkOnHeldOutSentences() throws IOException {
        List<Fixture> fixtures = load("/text/nltk-heldout-sotu.tsv.gz");
        assertTrue(fixtures.size() > 20000, "held-out file too small: " + fixtures.size());
        double share = agreement(fixtures, "held-out (state-of-the-union.csv)");
        assertTrue(share >= 0.995, "agreement with NLTK on held-out sentences: " + share);
    }
}
