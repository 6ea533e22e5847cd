package com.collectionledger.service.security;

import java.util.Arrays;
import java.util.Optional;

/** What a key may do. {@code admin} includes the other three. */
public enum Permission {
    READ, WRITE, DELETE, ADMIN;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<Permission> fromWire(String value) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(value)).findFirst();
    }
}
