package com.collectionledger.command.domain;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** New IDs: a type prefix and 10 random lowercase letters and digits, e.g. {@code col_a1b2c3d4e5}. */
public final class Ids {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TAIL = Pattern.compile("[a-z0-9]{10}");

    private Ids() {
    }

    public static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** Whether {@code id} has the shape {@link #next} gives IDs of this prefix. */
    public static boolean isShapedLike(String prefix, String id) {
        return id != null && id.startsWith(prefix) && TAIL.matcher(id.substring(prefix.length())).matches();
    }
}
