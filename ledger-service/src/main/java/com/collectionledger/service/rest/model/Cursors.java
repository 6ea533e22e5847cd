package com.collectionledger.service.rest.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalInt;

/** Opaque page cursors. A cursor encodes the offset of the page it points to. */
public final class Cursors {

    private static final String PREFIX = "o:";

    private Cursors() {
    }

    public static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
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
