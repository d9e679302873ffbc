package org.rnnlab.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences with fixed rules, standing in for the lesson's {@code sent_tokenize}
 * (NLTK's Punkt, a trained model that is not used here). It works on lower-cased text, as the
 * lesson splits after lower-casing.
 *
 * <h2>Rules</h2>
 * <ol>
 * <li>A blank line (a line break, optional spaces, another line break) always ends a sentence:
 *     it is a paragraph break.</li>
 * <li>Otherwise a sentence ends only after a run of {@code . ! ?} (and {@code …}), plus any
 *     closing brackets and quotes ({@code ) ] } " ' ’ ” »}), that is followed by white space or
 *     the end of the text. Text without white space after the stop is never split, so decimals
 *     ({@code 3.5}), URLs ({@code reddit.com/r/nfl?sort=new}), file names and {@code e.g.x}
 *     stay whole.</li>
 * <li>A run holding {@code !} or {@code ?} always ends the sentence: {@code what?! no}.</li>
 * <li>An ellipsis ({@code ..}, {@code ...}, {@code …}) ends the sentence only before a capital
 *     letter or a blank line: in lower-cased text {@code well... maybe} is one sentence.</li>
 * <li>A single full stop ends the sentence unless the word before it is
 *   <ul>
 *   <li>a known abbreviation: titles ({@code mr mrs ms dr prof st jr sr gen gov sen rep rev}...),
 *       {@code vs etc cf al approx inc ltd dept} and month names ({@code jan feb ... dec});</li>
 *   <li>{@code no vol fig p pp sec ch art} when a number follows ({@code no. 5});</li>
 *   <li>a single letter, an initial ({@code j. r. r. tolkien});</li>
 *   <li>letters joined by full stops ({@code u.s.}, {@code e.g.}, {@code i.e.}, {@code a.m.});</li>
 *   <li>a number at the start of a line, a list marker ({@code 1. first item}).</li>
 *   </ul></li>
 * </ol>
 *
 * <h2>Limits</h2>
 * Without capital letters there is no telling an abbreviation that ends a sentence from one
 * inside it: {@code i live in the u.s. it is big} stays one sentence, {@code apples, pears etc.
 * then} too. Unknown abbreviations split ({@code approx.} is known, {@code misc.} is not). A
 * single line break does not end a sentence (nor did it for Punkt), so markdown lists without
 * full stops run together. Sentence-final punctuation missing altogether (common on reddit)
 * joins sentences. Punkt, trained on newspaper text, makes other mistakes, so the lesson's
 * sentence count on the same data differs slightly.
 */
public final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "messrs", "dr", "prof", "st", "mt", "ft", "jr", "sr", "gen", "gov", "sen", "rep",
            "rev", "hon", "pres", "col", "lt", "capt", "sgt", "cpl", "maj", "adm", "cmdr", "supt", "atty", "insp",
            "vs", "etc", "cf", "al", "approx", "inc", "ltd", "corp", "dept", "univ", "assn", "bros", "esp",
            "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
    /** Abbreviations only when a number follows: "no. 5", "vol. 2", "p. 12". */
    private static final Set<String> BEFORE_NUMBER = Set.of("no", "nos", "vol", "vols", "fig", "figs", "p", "pp",
            "sec", "ch", "art", "op", "ed");
    private static final String CLOSERS = ")]}\"'’”»";
    /** The characters where a sentence may end. */
    private static final String MARKS = "\n.!?…";

    /** The sentences of {@code text}, trimmed, none empty. */
    public List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        // where the next '\n' . ! ? … is: String.indexOf is fast, a loop over every character is not
        int[] next = new int[MARKS.length()];
        java.util.Arrays.fill(next, -1);
        while (i < n) {
            int jump = n;
            for (int k = 0; k < next.length; k++) {
                if (next[k] < i) {
                    int at = text.indexOf(MARKS.charAt(k), i);
                    next[k] = at < 0 ? n : at;
                }
                jump = Math.min(jump, next[k]);
            }
            i = jump;
            if (i == n) {
                break;
            }
            char ch = text.charAt(i);
            if (ch == '\n') {
                int j = i + 1;
                while (j < n && text.charAt(j) != '\n' && TreebankTokenizer.isSpace(text.charAt(j))) {
                    j++;
                }
                if (j < n && text.charAt(j) == '\n') {
                    add(out, text, start, i);
                    start = j + 1;
                    i = j + 1;
                    continue;
                }
                i++;
                continue;
            }
            if (ch != '.' && ch != '!' && ch != '?' && ch != '…') {
                i++;
                continue;
            }
            int runStart = i;
            boolean strong = false;   // the run holds ! or ?
            int stops = 0;
            while (i < n && (text.charAt(i) == '.' || text.charAt(i) == '!' || text.charAt(i) == '?'
                    || text.charAt(i) == '…')) {
                char c = text.charAt(i);
                strong |= c == '!' || c == '?';
                stops += c == '…' ? 3 : 1;
                i++;
            }
            while (i < n && CLOSERS.indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            if (i < n && !TreebankTokenizer.isSpace(text.charAt(i))) {
                continue;   // no white space after: a decimal, a URL, an abbreviation inside a word
            }
            boolean ends;
            if (strong) {
                ends = true;
            } else if (stops > 1) {
                ends = capitalOrBreakFollows(text, i);
            } else {
                ends = !abbreviation(text, runStart, i);
            }
            if (ends) {
                add(out, text, start, i);
                start = i;
            }
        }
        add(out, text, start, n);
        return out;
    }

    /** After an ellipsis: does the next word start with a capital, or does a blank line / the end come? */
    private static boolean capitalOrBreakFollows(String text, int from) {
        int n = text.length();
        int newlines = 0;
        int j = from;
        while (j < n && TreebankTokenizer.isSpace(text.charAt(j))) {
            newlines += text.charAt(j) == '\n' ? 1 : 0;
            j++;
        }
        return j == n || newlines >= 2 || Character.isUpperCase(text.charAt(j));
    }

    /** Is the single full stop at {@code dot} part of an abbreviation, initial, dotted word or list number? */
    private static boolean abbreviation(String text, int dot, int after) {
        int wordStart = dot;
        while (wordStart > 0 && !TreebankTokenizer.isSpace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        // leading brackets and quotes are not part of the word: "(mr."
        while (wordStart < dot && "([{\"'‘“«`".indexOf(text.charAt(wordStart)) >= 0) {
            wordStart++;
        }
        if (wordStart == dot) {
            return false;
        }
        String word = text.substring(wordStart, dot).toLowerCase(Locale.ROOT);
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return true;   // an initial
        }
        if (ABBREVIATIONS.contains(word)) {
            return true;
        }
        if (BEFORE_NUMBER.contains(word) && digitFollows(text, after)) {
            return true;
        }
        if (dottedLetters(word)) {
            return true;
        }
        return allDigits(word) && lineStartBefore(text, wordStart);
    }

    /** "u.s", "e.g", "a.m", "u.s.a": single letters joined by full stops (the last stop is not in the word). */
    private static boolean dottedLetters(String word) {
        if (word.length() < 3) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            boolean letterPlace = k % 2 == 0;
            char c = word.charAt(k);
            if (letterPlace ? !Character.isLetter(c) : c != '.') {
                return false;
            }
        }
        return word.length() % 2 == 1;
    }

    private static boolean digitFollows(String text, int from) {
        int j = from;
        while (j < text.length() && TreebankTokenizer.isSpace(text.charAt(j))) {
            j++;
        }
        return j < text.length() && Character.isDigit(text.charAt(j));
    }

    private static boolean allDigits(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (!Character.isDigit(word.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean lineStartBefore(String text, int pos) {
        int j = pos - 1;
        while (j >= 0 && text.charAt(j) != '\n' && TreebankTokenizer.isSpace(text.charAt(j))) {
            j--;
        }
        return j < 0 || text.charAt(j) == '\n';
    }

    private static void add(List<String> out, String text, int from, int to) {
        int a = from;
        int b = to;
        while (a < b && TreebankTokenizer.isSpace(text.charAt(a))) {
            a++;
        }
        while (b > a && TreebankTokenizer.isSpace(text.charAt(b - 1))) {
            b--;
        }
        if (b > a) {
            out.add(text.substring(a, b));
        }
    }
}
