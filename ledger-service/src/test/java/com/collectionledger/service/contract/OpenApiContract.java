package com.collectionledger.service.contract;

import com.collectionledger.service.contract.OpenApiContractChecker.Verdict;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The hook {@code HttpApi} calls with every response it receives: each response on a route that Mixpeek's
 * OpenAPI document has is checked against that route's response schema for its status.
 *
 * <p>The system property {@code openapi.contract} chooses what a violation does:
 * <ul>
 *   <li>{@code fail} (the default): the call in {@code HttpApi} throws an {@link AssertionError} naming the
 *       route, the status, the schema errors and the body;</li>
 *   <li>{@code collect}: nothing to the test; violations are counted and written at JVM exit to
 *       {@code target/openapi-violations.txt} (see {@link ViolationReport}), to survey a change that breaks
 *       many responses at once;</li>
 *   <li>{@code off}: not checked (for benchmarks: a check costs time on the measured path).</li>
 * </ul>
 * Surefire passes {@code -Dopenapi.contract=collect} given to Maven on to the test JVM.
 */
public final class OpenApiContract {

    public enum Mode { COLLECT, FAIL, OFF }

    private static final int BODY_IN_FAILURE = 2_000;
    private static final int MESSAGES_IN_FAILURE = 10;
    private static final Mode MODE = mode(System.getProperty("openapi.contract"));

    private OpenApiContract() {
    }

    /** Loaded on the first checked response only: with {@code off} the document is never read. */
    private static final class Active {
        private static final OpenApiContractChecker CHECKER = new OpenApiContractChecker(OpenApiDocument.mixpeek());
        private static final ViolationReport REPORT = ViolationReport.writtenAtExit(reportFile(), runLabel(), MODE);
    }

    /** Checks one response, as the mode says. */
    public static void onResponse(String method, String path, int status, String body) {
        if (MODE == Mode.OFF) {
            return;
        }
        Verdict verdict;
        try {
            verdict = Active.CHECKER.check(method, path, status, body);
        } catch (RuntimeException | LinkageError broken) {
            if (MODE == Mode.FAIL) {
                throw new AssertionError("OpenAPI contract check of " + method + " " + path + " -> " + status
                        + " could not run", broken);
            }
            Active.REPORT.checkerFailed(method + " " + path, status, broken);
            return;
        }
        Active.REPORT.record(verdict, body);
        if (verdict.violated() && MODE == Mode.FAIL) {
            throw new AssertionError(failureMessage(verdict, body));
        }
    }

    static String failureMessage(Verdict verdict, String body) {
        StringBuilder message = new StringBuilder("OpenAPI contract violated: ")
                .append(verdict.route()).append(" -> ").append(verdict.status());
        if (verdict.schemaName() != null) {
            message.append(" (schema ").append(verdict.schemaName()).append(')');
        }
        verdict.messages().stream().limit(MESSAGES_IN_FAILURE).forEach(m -> message.append("\n  - ").append(m));
        if (verdict.messages().size() > MESSAGES_IN_FAILURE) {
            message.append("\n  - ... and ").append(verdict.messages().size() - MESSAGES_IN_FAILURE).append(" more");
        }
        String shown = body == null ? "" : body.length() > BODY_IN_FAILURE ? body.substring(0, BODY_IN_FAILURE) + "..." : body;
        return message.append("\n  body: ").append(shown).toString();
    }

    static Mode mode(String property) {
        if (property == null || property.isBlank()) {
            return Mode.FAIL;
        }
        try {
            return Mode.valueOf(property.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("openapi.contract must be fail, collect or off, not " + property, e);
        }
    }

    /** {@code <module>/target/openapi-violations.txt}; surefire sets {@code basedir} to the module. */
    private static Path reportFile() {
        String file = System.getProperty("openapi.violations.file");
        if (file != null && !file.isBlank()) {
            return Path.of(file);
        }
        return Path.of(System.getProperty("basedir", "."), "target", "openapi-violations.txt");
    }

    /** Which of the suite's runs this JVM is: each writes its own section of the report. */
    private static String runLabel() {
        String database = System.getProperty("ledger.test.database", "h2");
        return System.getProperty("ledger.jar") != null ? database + " (packaged jar, failsafe)" : database;
    }
}
