package com.collectionledger.service.rest.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Opaque page cursors. A cursor encodes the offset of the page it points to; a lineage cursor also the
 * place in the clone tree the page starts after, so the page is found without counting what lies before it.
 */
public final class Cursors {

    private static final String PREFIX = "o:";
    private static final String AFTER_PREFIX = "a:";

    /** Where a page starts: after the entry at {@code depth} with {@code id}, which is entry {@code offset} - 1. */
    public record After(int offset, int depth, String id) {
    }

    private Cursors() {
    }

    public static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    public static String encode(After after) {
        String text = AFTER_PREFIX + after.offset() + ":" + after.depth() + ":" + after.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The place in an {@link After} cursor, or empty when the cursor is not such a cursor of ours. */
    public static Optional<After> decodeAfter(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(AFTER_PREFIX)) {
                return Optional.empty();
            }
            String[] parts = text.substring(AFTER_PREFIX.length()).split(":", 3);
            if (parts.length != 3) {
                return Optional.empty();
            }
            int offset = Integer.parseInt(parts[0]);
            int depth = Integer.parseInt(parts[1]);
            String id = parts[2];
            boolean plausible = offset > 0 && depth > 0 && !id.isEmpty() && id.length() <= 64
                    && id.chars().allMatch(c -> c == '_' || Character.isLetterOrDigit(c) && c < 128);
            return plausible ? Optional.of(new After(offset, depth, id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The offset in a cursor, or empty when the cursor is not one of ours. */
    public static OptionalInt decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                return OptionalInt.empty();
            }
            int offset = Integer.parseInt(text.substring(PREFIX.length()));
            return offset < 0 ? OptionalInt.empty() : OptionalInt.of(offset);
        } catch (IllegalArgumentException e) {
            return OptionalInt.empty();
        }
    }
}
