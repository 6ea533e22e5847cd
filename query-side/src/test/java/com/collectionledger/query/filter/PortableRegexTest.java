package com.collectionledger.query.filter;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PortableRegexTest {

    static final List<String> PORTABLE = List.of("", "abc", "^my_namespace", "a.c$", "a|b|", "(ab)+", "(?:ab)*?c",
            "x{2}", "x{0,}", "x{1,255}?", "[abc]", "[^a-z0-9_]", "[-a]", "[a-]", "[\\]\\[]", "[\\d\\s.]", "\\d+\\.\\d*",
            "\\W\\S\\D", "\\n\\t\\r", "\\$\\^\\\\", "\\{\\}", "😀+", "[é-ü]", "()");

    static final List<String> REFUSED = List.of("\\bword", "a(?=b)", "a(?!b)", "(?<=a)b", "(?<n>a)", "(?i)a", "(a)\\1",
            "a*+", "a++", "a{2}+", "a**", "*a", "a|*", "^*", "{1}", "x{256}", "x{2,1}", "x{,3}", "x{a}", "a}", "a]",
            "[]a]", "[^]a]", "[[:alpha:]]", "[a[b]]", "[a&&b]", "[\\D]", "[a-\\d]", "[z-a]", "[a-c-e]", "(", "a)",
            "[abc", "\\", "\\p{L}", "\\Qa\\E", "\\x41", "\\u0041", "\\A", "\\z", "x".repeat(1001));

    @Test
    void portablePatternsAreAcceptedAndCompile() {
        for (String pattern : PORTABLE) {
            assertThat(PortableRegex.problem(pattern)).as(pattern).isNull();
            Pattern.compile(pattern);
        }
    }

    @Test
    void othersAreRefusedWithAReason() {
        for (String pattern : REFUSED) {
            assertThat(PortableRegex.problem(pattern)).as(pattern).isNotBlank();
        }
        assertThat(PortableRegex.problem("\\bword")).contains("\\b is not portable").contains("character 1");
    }

    @Test
    void theBoundedEngineMatchesAndGivesUpOnBacktracking() {
        assertThat(BoundedRegex.matches("Video_Frames", "^video", false)).isTrue();
        assertThat(BoundedRegex.matches("Video_Frames", "^video", true)).isFalse();
        assertThat(BoundedRegex.matches("line\nbreak", "e.b", true)).as("dot matches a newline, as in PostgreSQL").isTrue();
        assertThat(BoundedRegex.matches(null, "a", true)).isNull();
        try {
            BoundedRegex.matches("x".repeat(40), "x*x*x*x*x*x*x*y", true);
            throw new AssertionError("no limit");
        } catch (BoundedRegex.TooCostly expected) {
            assertThat(expected.pattern()).isEqualTo("x*x*x*x*x*x*x*y");
        }
    }
}
