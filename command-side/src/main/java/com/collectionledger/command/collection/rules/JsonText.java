package com.collectionledger.command.collection.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Plain values (maps, lists, strings, numbers, booleans, null) written as compact JSON, character for
 * character as Jackson writes them: what a size limit on "serialized" metadata measures, and how a
 * message quotes a list of allowed values.
 */
final class JsonText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder text = new StringBuilder();

    private JsonText() {
    }

    /** The JSON text of {@code value}, or empty when it holds something that is not a JSON value. */
    static Optional<String> of(Object value) {
        JsonText json = new JsonText();
        return json.write(value) ? Optional.of(json.text.toString()) : Optional.empty();
    }

    private boolean write(Object value) {
        if (value == null) {
            text.append("null");
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Boolean b) {
            text.append(b);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // Jackson quotes NaN and the infinities, which JSON has no number for.
            if (Double.isFinite(d)) {
                text.append(value);
            } else {
                string(value.toString());
            }
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger || value instanceof BigDecimal) {
            text.append(value);
        } else if (value instanceof Map<?, ?> map) {
            return object(map);
        } else if (value instanceof Collection<?> items) {
            return array(items);
        } else {
            return false;
        }
        return true;
    }

    private boolean object(Map<?, ?> map) {
        text.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            if (entry.getKey() == null) {
                return false;
            }
            string(String.valueOf(entry.getKey()));
            text.append(':');
            if (!write(entry.getValue())) {
                return false;
            }
            if (entries.hasNext()) {
                text.append(',');
            }
        }
        text.append('}');
        return true;
    }

    private boolean array(Collection<?> items) {
        text.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                text.append(',');
            }
            first = false;
            if (!write(item)) {
                return false;
            }
        }
        text.append(']');
        return true;
    }

    private void string(String s) {
        text.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\b' -> text.append("\\b");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\f' -> text.append("\\f");
                case '\r' -> text.append("\\r");
                default -> {
                    if (c < 0x20) {
                        text.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
