package com.collectionledger.service.security;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Which namespaces a key may use: each entry is a namespace ID or name, or a pattern where
 * {@code *} stands for any characters ({@code team_*}); {@code *} alone is every namespace.
 */
public final class NamespaceScope {

    private static final Pattern VALID_ENTRY = Pattern.compile("[A-Za-z0-9_.*\\-]{1,100}");

    private NamespaceScope() {
    }

    public static boolean allows(Collection<String> scope, String namespaceId, String namespaceName) {
        return scope.stream().anyMatch(entry -> matches(entry, namespaceId) || matches(entry, namespaceName));
    }

    public static boolean validEntry(String entry) {
        return entry != null && VALID_ENTRY.matcher(entry).matches();
    }

    private static boolean matches(String entry, String value) {
        if (value == null) {
            return false;
        }
        if (!entry.contains("*")) {
            return entry.equals(value);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : entry.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return value.matches(regex.toString());
    }
}
