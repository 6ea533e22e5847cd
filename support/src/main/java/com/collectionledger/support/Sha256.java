package com.collectionledger.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lowercase hex: of one text, or of parts added one after another. */
public final class Sha256 {

    private final MessageDigest digest;

    public Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static String hex(String text) {
        return new Sha256().add(text).hex();
    }

    /** Adds the text's UTF-8 bytes. */
    public Sha256 add(String text) {
        return add(text.getBytes(StandardCharsets.UTF_8));
    }

    public Sha256 add(byte[] bytes) {
        digest.update(bytes);
        return this;
    }

    public Sha256 add(byte value) {
        digest.update(value);
        return this;
    }

    /** The hash of everything added; the digest starts over afterwards. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
