package com.collectionledger.query.filter;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regular expressions a {@code regex} condition accepts: the syntax that Java (H2) and
 * PostgreSQL's AREs both read and read alike. Literals; {@code .} {@code ^} {@code $} {@code |};
 * groups {@code (...)} and {@code (?:...)}; quantifiers {@code * + ? {n} {n,} {n,m}} (m at most 255),
 * each optionally lazy; classes {@code [...]} and {@code [^...]} with ranges; escapes {@code \d \w \s}
 * (and {@code \D \W \S} outside classes), {@code \n \t \r}, and a backslash before punctuation.
 * Everything else (lookaround, backreferences, inline flags, {@code \b}, which means a word boundary
 * in Java and a backspace in PostgreSQL, possessive quantifiers, nested classes) is refused, so that
 * PostgreSQL never fails on a pattern the service accepted.
 */
final class PortableRegex {

    static final int MAX_LENGTH = 1000;
    static final int MAX_REPEAT = 255;

    private final String pattern;
    private int at;

    private PortableRegex(String pattern) {
        this.pattern = pattern;
    }

    /** Why {@code pattern} is not a portable regex, or null when it is one. */
    static String problem(String pattern) {
        if (pattern.length() > MAX_LENGTH) {
            return "a regex has at most " + MAX_LENGTH + " characters";
        }
        try {
            PortableRegex scanner = new PortableRegex(pattern);
            scanner.alternation();
            if (scanner.at < pattern.length()) {
                throw scanner.refuse("')' closes no group");
            }
            Pattern.compile(pattern);
            return null;
        } catch (Refused refused) {
            return refused.getMessage();
        } catch (PatternSyntaxException e) {
            return "not a valid regex: " + e.getDescription();
        }
    }

    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private Refused refuse(String why) {
        return new Refused("regex not supported at character " + (at + 1) + ": " + why
                + " (the portable subset: literals, . ^ $ |, (...) (?:...), * + ? {n,m}, [...], \\d \\w \\s, \\n \\t \\r, \\ before punctuation)");
    }

    private boolean more() {
        return at < pattern.length();
    }

    private char peek() {
        return pattern.charAt(at);
    }

    private void alternation() {
        sequence();
        while (more() && peek() == '|') {
            at++;
            sequence();
        }
    }

    private void sequence() {
        while (more() && peek() != '|' && peek() != ')') {
            boolean quantifiable = atom();
            quantifier(quantifiable);
        }
    }

    /** One item; answers whether a quantifier may follow it (not after an anchor). */
    private boolean atom() {
        char c = peek();
        switch (c) {
            case '(' -> {
                at++;
                if (pattern.startsWith("?:", at)) {
                    at += 2;
                } else if (more() && peek() == '?') {
                    throw refuse("only (...) and (?:...) groups are portable");
                }
                alternation();
                if (!more() || peek() != ')') {
                    throw refuse("'(' is not closed");
                }
                at++;
                return true;
            }
            case '[' -> {
                characterClass();
                return true;
            }
            case '\\' -> {
                escape(false);
                return true;
            }
            case '.' -> {
                at++;
                return true;
            }
            case '^', '$' -> {
                at++;
                return false;
            }
            case '*', '+', '?' -> throw refuse("'" + c + "' repeats nothing");
            case '{' -> throw refuse("'{' repeats nothing; write \\{ for the character");
            case '}', ']' -> throw refuse("write \\" + c + " for the character");
            default -> {
                at += Character.charCount(pattern.codePointAt(at));
                return true;
            }
        }
    }

    private void quantifier(boolean quantifiable) {
        if (!more() || "*+?{".indexOf(peek()) < 0) {
            return;
        }
        if (!quantifiable) {
            throw refuse("an anchor cannot be repeated");
        }
        if (peek() == '{') {
            at++;
            int min = number();
            int max = min;
            if (more() && peek() == ',') {
                at++;
                max = more() && Character.isDigit(peek()) ? number() : MAX_REPEAT;
            }
            if (!more() || peek() != '}') {
                throw refuse("a repetition is {n}, {n,} or {n,m}");
            }
            at++;
            if (min > max) {
                throw refuse("{n,m} needs n <= m");
            }
        } else {
            at++;
        }
        if (more() && peek() == '?') {
            at++;
        }
        if (more() && "*+?{".indexOf(peek()) >= 0) {
            throw refuse("a repetition cannot be repeated (no possessive or stacked quantifiers)");
        }
    }

    private int number() {
        int start = at;
        while (more() && peek() >= '0' && peek() <= '9') {
            at++;
        }
        if (start == at || at - start > 3) {
            throw refuse("a repetition count is a number from 0 to " + MAX_REPEAT);
        }
        int value = Integer.parseInt(pattern.substring(start, at));
        if (value > MAX_REPEAT) {
            throw refuse("a repetition count is at most " + MAX_REPEAT);
        }
        return value;
    }

    /** An escape; answers the character it stands for, or -1 for a class ({@code \d \w \s ...}). */
    private int escape(boolean inClass) {
        int backslash = at;
        at++;
        if (!more()) {
            throw refuse("the regex ends with a lone backslash");
        }
        char c = peek();
        at++;
        switch (c) {
            case 'd', 'w', 's' -> {
                return -1;
            }
            case 'D', 'W', 'S' -> {
                if (inClass) {
                    at = backslash;
                    throw refuse("\\" + c + " is not portable inside [...]");
                }
                return -1;
            }
            case 'n' -> {
                return '\n';
            }
            case 't' -> {
                return '\t';
            }
            case 'r' -> {
                return '\r';
            }
            default -> {
                if (c < 128 && !Character.isLetterOrDigit(c)) {
                    return c;
                }
                at = backslash;
                throw refuse("\\" + c + " is not portable");
            }
        }
    }

    private void characterClass() {
        at++;
        if (more() && peek() == '^') {
            at++;
        }
        if (more() && peek() == ']') {
            throw refuse("write \\] for a ']' in a class");
        }
        boolean first = true;
        while (true) {
            if (!more()) {
                throw refuse("'[' is not closed");
            }
            char c = peek();
            if (c == ']') {
                at++;
                return;
            }
            if (c == '[') {
                throw refuse("'[' inside a class is not portable; write \\[");
            }
            if (c == '&' && pattern.startsWith("&&", at)) {
                throw refuse("'&&' inside a class is not portable");
            }
            boolean dash = c == '-';
            int low = classCharacter();
            if (dash && !first && more() && peek() != ']') {
                throw refuse("a '-' in a class goes first or last, or between the ends of a range");
            }
            if (more() && peek() == '-' && !pattern.startsWith("-]", at) && at + 1 < pattern.length()) {
                at++;
                int high = more() && peek() == '[' ? -1 : classCharacter();
                if (low < 0 || high < 0) {
                    throw refuse("a range goes from one character to another");
                }
                if (high < low) {
                    throw refuse("a range's end comes before its start");
                }
                if (more() && peek() == '-' && !pattern.startsWith("-]", at)) {
                    throw refuse("a '-' in a class goes first or last, or between the ends of a range");
                }
            }
            first = false;
        }
    }

    /** A character of a class, or -1 for {@code \d \w \s}. */
    private int classCharacter() {
        if (peek() == '\\') {
            return escape(true);
        }
        int codePoint = pattern.codePointAt(at);
        at += Character.charCount(codePoint);
        return codePoint;
    }
}
