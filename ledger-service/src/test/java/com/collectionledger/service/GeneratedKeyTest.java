package com.collectionledger.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** With no key at all and none given, one admin key is generated and printed once, and it works. */
@ExtendWith(OutputCaptureExtension.class)
class GeneratedKeyTest {

    private static final Pattern KEY = Pattern.compile("sk_[A-Za-z0-9]{40}");

    @TempDir
    Path dataDir;

    @Test
    void firstStartPrintsOneWorkingKeyAndLaterStartsDoNot(CapturedOutput output) {
        String[] store = TestDatabase.freshStoreArguments(dataDir, "--server.port=0", "--ledger.bootstrap-api-key=");
        String key;
        try (ConfigurableApplicationContext first = start(store)) {
            Matcher printed = KEY.matcher(output.getOut());
            assertThat(printed.find()).as("a generated key on standard output").isTrue();
            key = printed.group();
            assertThat(printed.find()).isFalse();
            assertThat(output.getOut().lines().filter(line -> line.contains("Logger") || line.contains(" INFO "))
                    .noneMatch(line -> line.contains(key))).as("never through the logger").isTrue();
            assertThat(api(first, key).post("/v1/namespaces/list", java.util.Map.of()).status()).isEqualTo(200);
            assertThat(api(first, key + "x").post("/v1/namespaces/list", java.util.Map.of()).status()).isEqualTo(401);
        }
        int printedSoFar = output.getOut().length();
        try (ConfigurableApplicationContext second = start(store)) {
            assertThat(KEY.matcher(output.getOut().substring(printedSoFar)).find()).isFalse();
            assertThat(api(second, key).post("/v1/namespaces/list", java.util.Map.of()).status()).isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(String[] store) {
        return new SpringApplicationBuilder(LedgerApplication.class).run(store);
    }

    private static HttpApi api(ConfigurableApplicationContext context, String key) {
        return new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort(), key);
    }
}
