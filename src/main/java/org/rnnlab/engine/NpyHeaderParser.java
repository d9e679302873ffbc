package org.rnnlab.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Python dictionary literal of a .npy header, e.g.
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (50, 8000), }}. Only the literals numpy
 * writes there are accepted: strings, True/False, and tuples of integers (Python 2 files may
 * write {@code 50L}). A structured dtype (a list as descr) is refused with a clear message.
 */
final class NpyHeaderParser {
    private final String text;
    private int pos;

    private NpyHeaderParser(String text) {
        this.text = text;
    }

    static Npy.Header parse(String dict) throws NpyFormatException {
        Map<String, Object> values = new NpyHeaderParser(dict).dictionary();
        Object descr = values.get("descr");
        Object fortran = values.get("fortran_order");
        Object shape = values.get("shape");
        if (descr instanceof List) {
            throw new NpyFormatException("structured (record) arrays are not supported");
        }
        if (!(descr instanceof String d) || !(fortran instanceof Boolean f) || !(shape instanceof long[] s)) {
            throw new NpyFormatException(".npy header lacks descr, fortran_order or shape: " + dict.strip());
        }
        Npy.NpyType.parse(d); // fail early on element types we cannot read
        return new Npy.Header(d, f, s);
    }

    private Map<String, Object> dictionary() throws NpyFormatException {
        Map<String, Object> map = new HashMap<>();
        skipSpace();
        expect('{');
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                break;
            }
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            map.put(key, value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw error("expected ',' or '}'");
            }
        }
        return map;
    }

    private Object value() throws NpyFormatException {
        char c = peek();
        if (c == '\'' || c == '"') {
            return string();
        }
        if (c == '(') {
            return tuple();
        }
        if (c == '[') {
            skipBracketed();
            return List.of();
        }
        if (text.startsWith("True", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("False", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        throw error("unexpected value");
    }

    private long[] tuple() throws NpyFormatException {
        expect('(');
        List<Long> dims = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek() == ')') {
                pos++;
                break;
            }
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a non-negative integer in the shape");
            }
            try {
                dims.add(Long.parseLong(text.substring(start, pos)));
            } catch (NumberFormatException e) {
                throw error("shape dimension too large");
            }
            if (peek() == 'L') {
                pos++;
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != ')') {
                throw error("expected ',' or ')' in the shape");
            }
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i);
        }
        return shape;
    }

    private String string() throws NpyFormatException {
        char quote = peek();
        if (quote != '\'' && quote != '"') {
            throw error("expected a quoted string");
        }
        int end = text.indexOf(quote, pos + 1);
        if (end < 0) {
            throw error("unterminated string");
        }
        String s = text.substring(pos + 1, end);
        pos = end + 1;
        return s;
    }

    private void skipBracketed() throws NpyFormatException {
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                if (--depth == 0) {
                    return;
                }
            }
        }
        throw error("unterminated list");
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() throws NpyFormatException {
        if (pos >= text.length()) {
            throw error("header ends too early");
        }
        return text.charAt(pos);
    }

    private void expect(char c) throws NpyFormatException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private NpyFormatException error(String what) {
        String shown = text.strip();
        if (shown.length() > 120) {
            shown = shown.substring(0, 120) + "...";
        }
        return new NpyFormatException("unreadable .npy header (" + what + " at character " + pos + "): " + shown);
    }
}
