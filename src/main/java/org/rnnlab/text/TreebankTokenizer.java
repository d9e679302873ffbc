package org.rnnlab.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Penn Treebank word tokenization with the conventions of NLTK's {@code word_tokenize} (its
 * {@code NLTKWordTokenizer}), which the lesson used: punctuation split off words
 * ({@code left!} gives {@code left !}), clitics split ({@code aren't} gives {@code are n't},
 * {@code i'd} gives {@code i 'd}, {@code cannot} gives {@code can not}, {@code gonna} gives
 * {@code gon na}), double quotes turned into {@code ``} (opening) and {@code ''} (closing),
 * {@code ...} kept whole, brackets separate, and a full stop split off only at the end of the
 * sentence, so {@code u.s.} and {@code 3.5} stay whole inside it.
 *
 * <h2>How</h2>
 * The conventions are a cascade of rewrite rules, each inserting spaces, applied in order;
 * the result is split at white space. Because no rule looks past the white space around a word
 * (only at the one white-space character next to it, or at the start and end of the sentence),
 * the cascade runs on each white-space-separated chunk alone, with its neighbouring white-space
 * character as context. Most chunks are plain words that no rule touches: they skip the cascade,
 * and each rule runs only on chunks holding one of the characters it is about. That is what
 * makes it fast.
 *
 * <p>"White space" and "word character" follow Python's definitions (so a no-break space
 * separates words and {@code ²} is a word character), since the reference is NLTK in Python.
 * Thread-safe: no mutable state.
 */
public final class TreebankTokenizer {
    // Python's str.isspace() / \s, and Python's \w (letters, digits, numerals, underscore)
    private static final String SPACE = "[\\t\\n\\u000B\\f\\r\\u001C-\\u001F \\u0085\\u00A0\\u1680\\u2000-\\u200A"
            + "\\u2028\\u2029\\u202F\\u205F\\u3000]";
    private static final String WORD = "[\\p{L}\\p{Nd}\\p{Nl}\\p{No}_]";
    private static final String NOT_WORD_BEFORE = "(?<!" + WORD + ")";
    private static final String NOT_WORD_AFTER = "(?!" + WORD + ")";

    /** One rewrite rule: where the pattern matches, the replacement (with $1, $2 groups). */
    private record Rule(Pattern pattern, String replacement, String triggers) {
        Rule(String regex, String replacement, String triggers) {
            this(Pattern.compile(regex), replacement, triggers);
        }

        String apply(String s) {
            Matcher m = pattern.matcher(s);
            return m.find() ? m.replaceAll(replacement) : s;
        }

        /** Applies the rule only when the chunk holds one of its trigger characters (rules never add those). */
        String applyIf(String s, String chunk) {
            for (int i = 0; i < triggers.length(); i++) {
                if (chunk.indexOf(triggers.charAt(i)) >= 0) {
                    return apply(s);
                }
            }
            return s;
        }
    }

    // --- opening quotes
    private static final Rule OPENING_MARKS = new Rule("[«“‘„]|`+", " $0 ", "«“‘„`");
    private static final Pattern QUOTE_AT_START = Pattern.compile("^\"");
    private static final Rule QUOTE_AFTER_SPACE_OR_BRACKET = new Rule("([ (\\[{<])(\"|'')", "$1 `` ", "\"'");
    /** {@code 'a} before a one-letter word that is not a clitic ('m 't 's 'd 'n): a quote, split. */
    private static final Rule QUOTE_BEFORE_LETTER = new Rule("(?i)'(?![mtsdn])(" + WORD + ")" + NOT_WORD_AFTER,
            "' $1", "'");
    // --- punctuation
    /** The full stop that ends the sentence, before any closing brackets and quotes. */
    private static final String CLOSERS = "])}>\"'»”’ ";
    private static final Pattern FINAL_STOP = Pattern.compile("([^.])\\.([\\])}>\"'»”’ ]*)" + SPACE + "*\\z");
    private static final Rule COMMA_COLON = new Rule("([:,])([^\\p{Nd}])", " $1 $2", ":,");
    private static final Pattern COMMA_COLON_AT_END = Pattern.compile("([:,])\\z");
    private static final Rule DOTS = new Rule("\\.{2,}", " $0 ", ".");
    private static final Rule SYMBOLS = new Rule("[;@#$%&]", " $0 ", ";@#$%&");
    private static final Rule QUESTION_EXCLAMATION = new Rule("[?!]", " $0 ", "?!");
    private static final Rule QUOTE_BEFORE_SPACE = new Rule("([^'])' ", "$1 ' ", "'");
    private static final Rule ASTERISK = new Rule("\\*", " $0 ", "*");
    private static final Rule BRACKETS = new Rule("[\\]\\[(){}<>]", " $0 ", "[](){}<>");
    private static final Rule DOUBLE_DASH = new Rule("--", " -- ", "-");
    // --- closing quotes and clitics (on the chunk padded with spaces)
    private static final Rule CLOSING_MARKS = new Rule("[»”’]", " $0 ", "»”’");
    private static final Rule TWO_SINGLE_QUOTES = new Rule("''", " '' ", "'");
    private static final Rule DOUBLE_QUOTE = new Rule("\"", " '' ", "\"");
    private static final Rule CLITIC_S_M_D = new Rule("([^' ])('[sSmMdD]|') ", "$1 $2 ", "'");
    private static final Rule CLITIC_LL_RE_VE_NT = new Rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", "$1 $2 ", "'");
    /** Words written as one that the Treebank splits in two: cannot, gonna, d'ye... */
    private static final Rule[] SPLIT_WORDS = {
            splitWord("can", "not"), splitWord("d", "'ye"), splitWord("gim", "me"), splitWord("gon", "na"),
            splitWord("got", "ta"), splitWord("lem", "me"), splitWord("more", "'n"),
            new Rule("(?i)" + NOT_WORD_BEFORE + "(wan)(na)(?=" + SPACE + ")", " $1 $2 ", ""),
            new Rule("(?i) ('t)(is)" + NOT_WORD_AFTER, " $1 $2 ", ""),
            new Rule("(?i) ('t)(was)" + NOT_WORD_AFTER, " $1 $2 ", ""),
    };
    private static final String[] SPLIT_WORD_KEYS = {"cannot", "d'ye", "gimme", "gonna", "gotta", "lemme", "more'n",
            "wanna", "'tis", "'twas"};
    /** Marks that every rule set apart, whatever is around them. */
    private static final String ALWAYS_SEPARATE = "([{<)]}>$#@&%*;!?";
    /** Marks no rule looks at when they sit between two word characters. */
    private static final String INERT = "-./=+^~|\\";
    private static final java.util.Set<String> CLITICS = java.util.Set.of("'s", "'S", "'m", "'M", "'d", "'D",
            "'ll", "'LL", "'re", "'RE", "'ve", "'VE");
    /** Plain words that are split: the only chunks of word characters the cascade changes. */
    private static final String[] PLAIN_SPLIT_WORDS = {"cannot", "gimme", "gonna", "gotta", "lemme", "wanna"};

    private static Rule splitWord(String first, String second) {
        return new Rule("(?i)" + NOT_WORD_BEFORE + "(" + first + ")(" + second + ")" + NOT_WORD_AFTER, " $1 $2 ", "");
    }

    /**
     * Receives tokens as ranges of a string (the sentence, or a rewritten piece of it), so a
     * caller that only counts tokens need not make a String of each.
     */
    @FunctionalInterface
    public interface TokenSink {
        void token(String source, int start, int end);
    }

    /** The sentence's word tokens. */
    public List<String> tokenize(String sentence) {
        List<String> out = new ArrayList<>();
        tokenize(sentence, out);
        return out;
    }

    /** Appends the sentence's word tokens to {@code out}. */
    public void tokenize(String sentence, List<String> out) {
        tokenize(sentence, (src, a, b) -> out.add(src.substring(a, b)));
    }

    /** Sends the sentence's word tokens to {@code out}, in order. */
    public void tokenize(String sentence, TokenSink out) {
        int n = sentence.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(sentence.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            int start = i;
            boolean plain = true;
            boolean dot = false;
            while (i < n && !isSpace(sentence.charAt(i))) {
                char ch = sentence.charAt(i);
                if (plain && !isPlainWordChar(ch)) {
                    plain = false;
                }
                dot |= ch == '.';
                i++;
            }
            if (plain) {
                plainChunk(sentence, start, i, out);
                continue;
            }
            int end = i;
            while (i < n && isSpace(sentence.charAt(i))) {
                i++;
            }
            boolean last = i == n;
            // context: the white-space character either side, or none at the sentence's ends
            char before = start > 0 ? sentence.charAt(start - 1) : 0;
            if (!last && dot && onlyClosersFollow(sentence, end)) {
                // the sentence's final stop may be followed by closing brackets and quotes
                // separated by spaces: one chunk to the end, so the final-stop rule sees them
                cascade(sentence.substring(start), before, (char) 0, true, out);
                return;
            }
            char after = end < n ? sentence.charAt(end) : 0;
            if (!simpleChunk(sentence, start, end, after, last, out)) {
                cascade(sentence.substring(start, end), before, after, last, out);
            }
        }
    }

    /**
     * The shortcut for the usual chunk: separable marks, a word, separable marks, maybe a full
     * stop, such as {@code (well-known,} {@code &gt;} {@code don't!} {@code 3.5%).} Returns false,
     * having added nothing, for any other shape (quotes, runs of dots, dashes...), which then goes
     * through the cascade. Each case below is what the cascade would do with that shape.
     */
    private static boolean simpleChunk(String s, int start, int end, char after, boolean last, TokenSink out) {
        int p = start;
        while (p < end && ALWAYS_SEPARATE.indexOf(s.charAt(p)) >= 0) {
            p++;
        }
        int coreStart = p;
        if (p == end || !isPlainWordChar(s.charAt(p))) {
            return false;
        }
        // the word: word characters, inner - . / etc. between them, at most one apostrophe
        boolean inner = false;
        int apostrophe = -1;
        while (p < end) {
            char c = s.charAt(p);
            if (isPlainWordChar(c)) {
                p++;
            } else if (c == '\'' && apostrophe < 0 && p + 1 < end && isPlainWordChar(s.charAt(p + 1))) {
                apostrophe = p++;
            } else if (p + 1 < end && isPlainWordChar(s.charAt(p + 1))
                    && (INERT.indexOf(c) >= 0 || ((c == ',' || c == ':') && Character.isDigit(s.charAt(p + 1))))) {
                inner = true;   // e.g. well-known, 3.5, 1,000, 10:30, and/or
                p++;
            } else {
                break;
            }
        }
        int coreEnd = p;
        // marks after the word, each its own token; then maybe a full stop ending the chunk
        while (p < end && (ALWAYS_SEPARATE.indexOf(s.charAt(p)) >= 0 || s.charAt(p) == ',' || s.charAt(p) == ':')) {
            if (p > coreEnd && isCommaOrColon(s.charAt(p)) && isCommaOrColon(s.charAt(p - 1))) {
                return false;   // ",," : the second comma is swallowed by the first's rule, "a,,." keeps ",."
            }
            p++;
        }
        int trailEnd = p;
        boolean stop = p == end - 1 && s.charAt(p) == '.';
        if (!stop && p != end) {
            return false;
        }
        boolean trail = trailEnd > coreEnd;
        // a clitic is split when a space follows it once the marks are split off
        boolean spaceAfterCore = trail || (stop ? last : (after == ' ' || after == 0));
        boolean glueStop = stop && !trail && !last;   // "mr." inside a sentence stays whole
        boolean clitic = false;
        int stemEnd = coreEnd;
        if (apostrophe >= 0) {
            int cl = coreEnd - apostrophe;
            String tail = s.substring(apostrophe, coreEnd);
            if (CLITICS.contains(tail)) {
                stemEnd = apostrophe;
            } else if (cl == 2 && (tail.equals("'t") || tail.equals("'T")) && apostrophe - 1 > coreStart
                    && s.charAt(apostrophe - 1) == (tail.equals("'t") ? 'n' : 'N')) {
                stemEnd = apostrophe - 1;   // n't
            } else {
                return false;
            }
            if (hasDoubledNmt(s, coreStart, stemEnd)) {
                return false;   // cannot's, gonna've: leave to the cascade
            }
            if (spaceAfterCore) {
                clitic = true;
            } else {
                stemEnd = coreEnd;
            }
        } else if (inner && hasDoubledNmt(s, coreStart, coreEnd)) {
            return false;   // x-cannot: the cascade splits at the word boundary
        }
        for (int k = start; k < coreStart; k++) {
            out.token(s, k, k + 1);
        }
        if (apostrophe < 0 && !inner) {
            int cut = glueStop ? splitPoint(s, coreStart, coreEnd) : -1;
            if (cut > 0 && !s.regionMatches(true, coreStart, "wanna", 0, 5)) {
                // "cannot." inside a sentence: splitting the word sets the stop apart too
                out.token(s, coreStart, cut);
                out.token(s, cut, coreEnd);
                out.token(s, coreEnd, coreEnd + 1);   // the "."
            } else if (glueStop) {
                out.token(s, coreStart, coreEnd + 1);
            } else {
                plainChunk(s, coreStart, coreEnd, out);
            }
        } else {
            out.token(s, coreStart, glueStop ? stemEnd + 1 : stemEnd);
            if (clitic) {
                out.token(s, stemEnd, coreEnd);
            }
        }
        for (int k = coreEnd; k < trailEnd; k++) {
            out.token(s, k, k + 1);
        }
        if (stop && !glueStop) {
            out.token(s, end - 1, end);   // the "."
        }
        return true;
    }

    /** True when only closing brackets, quotes and spaces follow {@code from}, then white space to the end. */
    private static boolean onlyClosersFollow(String s, int from) {
        int n = s.length();
        int i = from;
        while (i < n && CLOSERS.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        return i == n;
    }

    /** A word of word characters only: "gonna" gives "gon", "na"; any other word is one token. */
    private static void plainChunk(String s, int start, int end, TokenSink out) {
        int cut = splitPoint(s, start, end);
        if (cut > 0) {
            out.token(s, start, cut);
            out.token(s, cut, end);
        } else {
            out.token(s, start, end);
        }
    }

    /** Where a plain word such as "cannot" or "gonna" is split in two, or -1. */
    private static int splitPoint(String s, int start, int end) {
        int len = end - start;
        char first = (char) (s.charAt(start) | 0x20);   // lower case, for ASCII letters
        if ((len == 5 || len == 6) && (first == 'c' || first == 'g' || first == 'l' || first == 'w')) {
            for (String w : PLAIN_SPLIT_WORDS) {
                if (w.length() == len && s.regionMatches(true, start, w, 0, len)) {
                    return end - (len == 6 ? 3 : 2);
                }
            }
        }
        return -1;
    }

    private static boolean isCommaOrColon(char c) {
        return c == ',' || c == ':';
    }

    /** nn, mm or tt in any case: the mark of cannot, gonna, wanna, gimme, lemme, gotta. */
    private static boolean hasDoubledNmt(String s, int start, int end) {
        for (int k = start + 1; k < end; k++) {
            char c = (char) (s.charAt(k) | 0x20);
            if ((c == 'n' || c == 'm' || c == 't') && (char) (s.charAt(k - 1) | 0x20) == c) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the rules on one chunk. {@code before}/{@code after} are the white-space characters
     * around it (0 at the sentence's start/end); {@code last} says no word follows it.
     */
    private static void cascade(String chunk, char before, char after, boolean last, TokenSink out) {
        boolean first = before == 0;
        String s = (first ? "" : String.valueOf(before)) + chunk + (after == 0 ? "" : String.valueOf(after));
        // opening quotes
        s = OPENING_MARKS.applyIf(s, chunk);
        if (chunk.indexOf('"') >= 0) {
            if (first) {
                s = QUOTE_AT_START.matcher(s).replaceFirst("``");
            }
        }
        if (s.indexOf('`') >= 0) {
            s = s.replace("``", " `` ");
        }
        s = QUOTE_AFTER_SPACE_OR_BRACKET.applyIf(s, chunk);
        s = QUOTE_BEFORE_LETTER.applyIf(s, chunk);
        // punctuation
        if (last && chunk.indexOf('.') >= 0) {
            s = FINAL_STOP.matcher(s).replaceFirst("$1 . $2 ");
        }
        s = COMMA_COLON.applyIf(s, chunk);
        if (last) {
            s = COMMA_COLON_AT_END.matcher(s).replaceFirst(" $1 ");
        }
        s = DOTS.applyIf(s, chunk);
        s = SYMBOLS.applyIf(s, chunk);
        s = QUESTION_EXCLAMATION.applyIf(s, chunk);
        s = QUOTE_BEFORE_SPACE.applyIf(s, chunk);
        s = ASTERISK.applyIf(s, chunk);
        s = BRACKETS.applyIf(s, chunk);
        s = DOUBLE_DASH.applyIf(s, chunk);
        // closing quotes and clitics
        s = " " + s + " ";
        s = CLOSING_MARKS.applyIf(s, chunk);
        s = TWO_SINGLE_QUOTES.applyIf(s, chunk);
        s = DOUBLE_QUOTE.applyIf(s, chunk);
        s = CLITIC_S_M_D.applyIf(s, chunk);
        s = CLITIC_LL_RE_VE_NT.applyIf(s, chunk);
        String lower = chunk.toLowerCase(Locale.ROOT);
        for (int k = 0; k < SPLIT_WORDS.length; k++) {
            if (lower.contains(SPLIT_WORD_KEYS[k])) {
                s = SPLIT_WORDS[k].apply(s);
            }
        }
        splitOnSpace(s, out);
    }

    private static void splitOnSpace(String s, TokenSink out) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.token(s, start, i);
            }
        }
    }

    /** Character classes of ASCII: bit 1 white space, bit 2 a word character no rule looks at. */
    private static final byte[] ASCII = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            boolean space = c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
            boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '_';
            ASCII[c] = (byte) ((space ? 1 : 0) | (word ? 2 : 0));
        }
    }

    /** Python's str.isspace(), which is what NLTK's final split uses. */
    static boolean isSpace(char ch) {
        if (ch < 128) {
            return (ASCII[ch] & 1) != 0;
        }
        return ch == 0x85 || ch == 0xA0 || ch == 0x1680 || (ch >= 0x2000 && ch <= 0x200A) || ch == 0x2028
                || ch == 0x2029 || ch == 0x202F || ch == 0x205F || ch == 0x3000;
    }

    /** Letters and digits no rule looks at (Python's \\w, minus what needs a closer look). */
    private static boolean isPlainWordChar(char ch) {
        if (ch < 128) {
            return (ASCII[ch] & 2) != 0;
        }
        return Character.isLetterOrDigit(ch);
    }
}
