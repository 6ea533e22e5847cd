package com.collectionledger.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A small seeded generator for property-based tests, and the loop that runs a property.
 *
 * <p>{@link #forAll} generates one input per try from a {@link Random} seeded once per property and
 * checks it; the first failing try ends the property with the seed and the try in the message. The
 * same seed gives the same inputs in the same order, so {@code -Dfuzz.seed=<seed>} replays a failure
 * (and {@code -Dfuzz.seed=random} draws a new seed, printed with the result). There is no shrinking:
 * the failing input is reported as generated.
 *
 * <p>The primitive generators mix in edge cases (bounds, empty, NUL, lone surrogates and so on) with a
 * fixed probability, so that a hundred tries meet them without having to enumerate them.
 */
final class Fuzz {

    /** The system property that overrides every property's default seed: a long, or {@code random}. */
    static final String SEED_PROPERTY = "fuzz.seed";

    private static final int EDGE_PERCENT = 10;
    private static final int MAX_FILTER_MISSES = 10_000;
    private static final char[] EDGE_CHARS = {'\u0000', ' ', 'a', '\u007f', '\u00ff', '\ud800', '\udbff',
            '\udc00', '\udfff', '\ufeff', '\ufffe', '\uffff'};
    private static final long[] EDGE_LONGS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE,
            Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, Long.MAX_VALUE, Long.MIN_VALUE};
    private static final byte[] EDGE_BYTES = {0, 1, -1, Byte.MAX_VALUE, Byte.MIN_VALUE};

    private final Random random;
    private final Map<String, List<?>> generated = new HashMap<>();

    Fuzz(long seed) {
        this.random = new Random(seed);
    }

    // ---------------------------------------------------------------------------------------------
    // Running a property

    /** The seed a property runs with: {@code -Dfuzz.seed} if given, else the property's own default. */
    static long seed(long defaultSeed) {
        String given = System.getProperty(SEED_PROPERTY);
        if (given == null || given.isBlank()) {
            return defaultSeed;
        }
        if (given.trim().equalsIgnoreCase("random")) {
            return ThreadLocalRandom.current().nextLong();
        }
        try {
            return Long.parseLong(given.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + SEED_PROPERTY + " must be a long or 'random': " + given, e);
        }
    }

    /**
     * Runs {@code tries} tries of a property: generates an input, checks it. A failure (an assertion or
     * any exception, in generating or in checking) is rethrown as an {@link AssertionError} naming the
     * property, the seed, the try and the input, with the original as its cause.
     */
    static <T> void forAll(String property, long defaultSeed, int tries, Function<Fuzz, T> generator,
                           Consumer<? super T> check) {
        long seed = seed(defaultSeed);
        Fuzz fuzz = new Fuzz(seed);
        long started = System.nanoTime();
        for (int i = 1; i <= tries; i++) {
            T input = null;
            try {
                input = generator.apply(fuzz);
                check.accept(input);
            } catch (AssertionError | RuntimeException e) {
                String where = property + ": try " + i + " of " + tries + ", seed " + seed
                        + " (replay with -D" + SEED_PROPERTY + "=" + seed + ")";
                String shown = input == null ? "<failed while generating>" : String.valueOf(input);
                throw new AssertionError(where + "\n  input: " + shown + "\n  " + e.getMessage(), e);
            }
        }
        System.out.printf("fuzz: %s passed %d tries with seed %d in %d ms%n", property, tries, seed,
                (System.nanoTime() - started) / 1_000_000);
    }

    // ---------------------------------------------------------------------------------------------
    // Choices

    private boolean edge() {
        return random.nextInt(100) < EDGE_PERCENT;
    }

    boolean bool() {
        return random.nextBoolean();
    }

    /** One of the values, each as likely. */
    <T> T of(List<? extends T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    final <T> T of(T... values) {
        return of(Arrays.asList(values));
    }

    /** A value from one of the generators, each as likely. */
    @SafeVarargs
    final <T> T oneOf(Supplier<? extends T>... generators) {
        return of(Arrays.asList(generators)).get();
    }

    record Weighted<T>(int weight, Supplier<? extends T> generator) {
        Weighted {
            if (weight <= 0) {
                throw new IllegalArgumentException("weight must be positive: " + weight);
            }
            Objects.requireNonNull(generator);
        }
    }

    static <T> Weighted<T> weighted(int weight, Supplier<? extends T> generator) {
        return new Weighted<>(weight, generator);
    }

    /** A value from one of the generators, each chosen in proportion to its weight. */
    @SafeVarargs
    final <T> T frequency(Weighted<? extends T>... options) {
        int total = Arrays.stream(options).mapToInt(Weighted::weight).sum();
        int pick = random.nextInt(total);
        for (Weighted<? extends T> option : options) {
            pick -= option.weight();
            if (pick < 0) {
                return option.generator().get();
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** A value of the generator that satisfies the condition (generated again until it does). */
    <T> T filtered(Supplier<? extends T> generator, Predicate<? super T> condition) {
        for (int i = 0; i < MAX_FILTER_MISSES; i++) {
            T value = generator.get();
            if (condition.test(value)) {
                return value;
            }
        }
        throw new IllegalStateException("no value satisfied the filter in " + MAX_FILTER_MISSES + " attempts");
    }

    /**
     * With the given probability a value that {@code generator} gave before under the same key (if it
     * gave any), else a new one, which is remembered: the same input sent again.
     */
    <T> T withDuplicates(String key, double probability, Supplier<? extends T> generator) {
        @SuppressWarnings("unchecked")
        List<T> previous = (List<T>) generated.computeIfAbsent(key, k -> new ArrayList<>());
        if (!previous.isEmpty() && random.nextDouble() < probability) {
            return of(previous);
        }
        T value = generator.get();
        previous.add(value);
        return value;
    }

    // ---------------------------------------------------------------------------------------------
    // Numbers

    /**
     * An int in [min, max]: the bounds (their neighbours, and 0) mixed in; otherwise a quarter of the
     * time anywhere, three quarters near the value of the range closest to zero (log-uniformly: as
     * likely within 10 of it as from 10 to 100 away), so small values and short lengths come often.
     */
    int between(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        if (edge()) {
            long[] edges = {min, min + 1L, max - 1L, max, 0};
            long candidate = edges[random.nextInt(edges.length)];
            if (candidate >= min && candidate <= max) {
                return (int) candidate;
            }
        }
        if (random.nextInt(4) != 0) {
            long target = Math.max(min, Math.min(max, 0));
            boolean up = target == min || (target != max && random.nextBoolean());
            long span = up ? (long) max - target : target - (long) min;
            long distance = Math.min(span, (long) Math.exp(random.nextDouble() * Math.log(span + 1.0)) - 1);
            return (int) (up ? target + distance : target - distance);
        }
        return (int) (min + (long) (random.nextDouble() * ((long) max - min + 1)));
    }

    /** Any long: edge values, small ones, ints, or anything. */
    long anyLong() {
        return switch (random.nextInt(4)) {
            case 0 -> EDGE_LONGS[random.nextInt(EDGE_LONGS.length)];
            case 1 -> random.nextInt(2001) - 1000;
            case 2 -> random.nextInt();
            default -> random.nextLong();
        };
    }

    byte[] bytes(int minLength, int maxLength) {
        byte[] bytes = new byte[between(minLength, maxLength)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = edge() ? EDGE_BYTES[random.nextInt(EDGE_BYTES.length)] : (byte) random.nextInt(256);
        }
        return bytes;
    }

    // ---------------------------------------------------------------------------------------------
    // Strings, char by char (UTF-16 units: a surrogate may come without its pair)

    /** Any chars at all, U+0000 to U+FFFF: controls, noncharacters and lone surrogates included. */
    String anyString(int minLength, int maxLength) {
        return string(minLength, maxLength,
                () -> edge() ? EDGE_CHARS[random.nextInt(EDGE_CHARS.length)] : (char) random.nextInt(0x10000));
    }

    /** Chars from {@code first} to {@code last}. */
    String stringOfRange(char first, char last, int minLength, int maxLength) {
        return string(minLength, maxLength, () -> (char) (first + random.nextInt(last - first + 1)));
    }

    /** Chars (UTF-16 units, so a surrogate pair may come apart) taken from {@code alphabet}. */
    String stringOf(String alphabet, int minLength, int maxLength) {
        return string(minLength, maxLength, () -> alphabet.charAt(random.nextInt(alphabet.length())));
    }

    private String string(int minLength, int maxLength, Supplier<Character> chars) {
        int length = between(minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(chars.get().charValue());
        }
        return text.toString();
    }
}
