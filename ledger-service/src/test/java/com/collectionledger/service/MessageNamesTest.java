package com.collectionledger.service;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire names of the bus contract: another service sends commands and queries by their fully
 * qualified class names, and the event store holds events by name and revision. Moving or renaming
 * one breaks every remote sender and every stored event, so the names are pinned in
 * {@code contract/message-names.txt}; a change there must be deliberate (and, for events, come with an
 * upcaster).
 */
class MessageNamesTest {

    @Test
    void commandQueryAndEventNamesAreThePinnedOnes() throws IOException {
        List<String> actual = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.collectionledger.api").stream()
                .filter(JavaClass::isRecord)
                .filter(type -> type.getSimpleName().endsWith("Command") || type.getSimpleName().endsWith("Query")
                        || type.isAnnotatedWith(Revision.class))
                .map(MessageNamesTest::wireName)
                .sorted()
                .toList();

        assertThat(actual).as("a message was moved, renamed, removed or added: update contract/message-names.txt"
                + " on purpose").containsExactlyElementsOf(pinned());
    }

    private static String wireName(JavaClass type) {
        return type.tryGetAnnotationOfType(Revision.class)
                .map(revision -> type.getName() + " revision " + revision.value())
                .orElse(type.getName());
    }

    private static List<String> pinned() throws IOException {
        try (InputStream in = MessageNamesTest.class.getResourceAsStream("/contract/message-names.txt")) {
            assertThat(in).as("contract/message-names.txt on the test classpath").isNotNull();
            return Stream.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).sorted().toList();
        }
    }
}
