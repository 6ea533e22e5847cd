package com.collectionledger.service.contract;

import com.collectionledger.service.contract.OpenApiContractChecker.Verdict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The violations one test JVM saw, deduplicated by route, status and message (array indices folded to
 * {@code [*]}), each with the number of responses that had it and the start of the first offending body; and how many responses each
 * documented route and status had, to show what the suite covers.
 *
 * <p>The suite runs in one JVM per surefire execution (H2, then PostgreSQL), and both write the same file:
 * each JVM rewrites only its own {@code ## run:} section, under a file lock, and keeps the others.
 */
final class ViolationReport {

    private static final int EXCERPT = 300;
    /** The first few distinct messages of one response (after folding indices) are counted. */
    private static final int MESSAGES_PER_RESPONSE = 5;
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
    private static final String SECTION = "## run: ";

    private final String label;
    private final OpenApiContract.Mode mode;
    private final ConcurrentMap<String, LongAdder> checked = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> violating = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> schemaNames = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, Seen> violations = new ConcurrentHashMap<>();
    private final LongAdder skipped = new LongAdder();

    ViolationReport(String label, OpenApiContract.Mode mode) {
        this.label = label;
        this.mode = mode;
    }

    static ViolationReport writtenAtExit(Path file, String label, OpenApiContract.Mode mode) {
        ViolationReport report = new ViolationReport(label, mode);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> report.writeTo(file), "openapi-violations-report"));
        return report;
    }

    void record(Verdict verdict, String body) {
        if (verdict.outcome() == Verdict.Outcome.SKIPPED) {
            skipped.increment();
            return;
        }
        String routeStatus = verdict.route() + " -> " + verdict.status();
        checked.computeIfAbsent(routeStatus, k -> new LongAdder()).increment();
        if (verdict.schemaName() != null) {
            schemaNames.putIfAbsent(routeStatus, verdict.schemaName());
        }
        if (!verdict.violated()) {
            return;
        }
        violating.computeIfAbsent(routeStatus, k -> new LongAdder()).increment();
        verdict.messages().stream().map(message -> INDEX.matcher(message).replaceAll("[*]")).distinct()
                .limit(MESSAGES_PER_RESPONSE)
                .forEach(message -> violations.computeIfAbsent(new Key(verdict.route(), verdict.status(), message),
                        k -> new Seen(excerpt(body))).count.incrementAndGet());
    }

    void checkerFailed(String request, int status, Throwable failure) {
        Key key = new Key(request, status, "checker failed: " + failure);
        violations.computeIfAbsent(key, k -> new Seen("")).count.incrementAndGet();
    }

    /** This JVM's section of the report. */
    String section() {
        long checkedTotal = checked.values().stream().mapToLong(LongAdder::sum).sum();
        long violatingTotal = violating.values().stream().mapToLong(LongAdder::sum).sum();
        StringBuilder out = new StringBuilder(SECTION).append(label)
                .append(" | mode ").append(mode.name().toLowerCase()).append(" | written ").append(Instant.now()).append('\n')
                .append("responses on documented routes: ").append(checkedTotal).append(", violating: ").append(violatingTotal)
                .append("; skipped (route not in the document): ").append(skipped.sum()).append('\n');
        Map<String, List<Map.Entry<Key, Seen>>> byRouteStatus = violations.entrySet().stream()
                .collect(Collectors.groupingBy(e -> e.getKey().route() + " -> " + e.getKey().status(), TreeMap::new,
                        Collectors.toList()));
        if (byRouteStatus.isEmpty()) {
            out.append("no violations\n");
        }
        byRouteStatus.forEach((routeStatus, entries) -> {
            out.append("\n### ").append(routeStatus);
            String schema = schemaNames.get(routeStatus);
            if (schema != null) {
                out.append(" (").append(schema).append(')');
            }
            LongAdder bad = violating.get(routeStatus);
            LongAdder all = checked.get(routeStatus);
            if (bad != null && all != null) {
                out.append(": ").append(bad.sum()).append(" of ").append(all.sum()).append(" responses violate");
            }
            out.append('\n');
            entries.stream()
                    .sorted(Comparator.comparingLong((Map.Entry<Key, Seen> e) -> -e.getValue().count.get())
                            .thenComparing(e -> e.getKey().message()))
                    .forEach(e -> out.append(String.format("  %5dx %s%n", e.getValue().count.get(), e.getKey().message()))
                            .append("         e.g. ").append(e.getValue().excerpt).append('\n'));
        });
        out.append("\n#### responses checked per route and status\n");
        new TreeMap<>(checked).forEach((routeStatus, count) -> {
            LongAdder bad = violating.get(routeStatus);
            out.append(String.format("  %5d %s%s%n", count.sum(), routeStatus,
                    bad == null ? "" : "  (" + bad.sum() + " violating)"));
        });
        return out.toString();
    }

    void writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                ByteBuffer existing = ByteBuffer.allocate((int) channel.size());
                while (existing.hasRemaining() && channel.read(existing) >= 0) {
                    // read it all
                }
                String merged = merge(new String(existing.array(), StandardCharsets.UTF_8), label, section());
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(merged.getBytes(StandardCharsets.UTF_8)), 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** The report with {@code label}'s section replaced by {@code section}, the others kept, in label order. */
    static String merge(String existing, String label, String section) {
        Map<String, String> sections = new TreeMap<>();
        for (String part : existing.split("(?m)^(?=" + Pattern.quote(SECTION) + ")")) {
            if (part.startsWith(SECTION)) {
                String header = part.substring(SECTION.length(), part.indexOf('\n') < 0 ? part.length() : part.indexOf('\n'));
                String partLabel = header.contains(" | ") ? header.substring(0, header.indexOf(" | ")) : header;
                sections.put(partLabel, part.endsWith("\n\n") ? part : part.stripTrailing() + "\n\n");
            }
        }
        sections.put(label, section.stripTrailing() + "\n\n");
        List<String> out = new ArrayList<>();
        out.add("# OpenAPI contract violations: responses of the HTTP tests checked against " + OpenApiDocument.RESOURCE
                + "\n# one section per test run (surefire execution); messages deduplicated by route, status and message\n\n");
        out.addAll(sections.values());
        return String.join("", out).stripTrailing() + "\n";
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "(no body)";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > EXCERPT ? flat.substring(0, EXCERPT) + "..." : flat;
    }

    private record Key(String route, int status, String message) {
    }

    private static final class Seen {
        private final AtomicLong count = new AtomicLong();
        private final String excerpt;

        private Seen(String excerpt) {
            this.excerpt = excerpt;
        }
    }
}
