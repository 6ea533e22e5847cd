package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CloneCollectionCommand;
import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CollectionOverrides;
import com.collectionledger.api.collection.CollectionSchedule;
import com.collectionledger.api.collection.CollectionUpdated;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.InMemoryDirectory;
import com.collectionledger.command.support.Seed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.collectionledger.command.support.DomainErrors.at;
import static com.collectionledger.command.support.DomainErrors.invalidOnlyAt;
import static com.collectionledger.command.support.FixtureRuns.onlyEvent;
import static com.collectionledger.command.support.FixtureRuns.rejected;
import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A collection's schedule (Mixpeek's CollectionScheduleConfig): validated on create and clone, kept in
 * the configuration the events carry, copied by a clone that does not override it, untouched by PATCH.
 */
class CollectionScheduleTest {

    private static final CollectionSchedule NIGHTLY = new CollectionSchedule("cron",
            Map.of("cron_expression", "0 2 * * *", "timezone", "UTC"), "Nightly re-processing");
    private static final CollectionSchedule EVERY_SIX_HOURS = new CollectionSchedule("interval",
            Map.of("interval_seconds", 21600, "start_immediately", false), null);

    private final InMemoryDirectory directory = Seed.directory();
    private final AggregateTestFixture<Collection> fixture = Fixtures.fixture(Collection.class, directory);

    private static CollectionConfig scheduled(CollectionSchedule schedule) {
        CollectionConfig articles = articleEmbeddingsConfig();
        return new CollectionConfig(articles.description(), articles.source(), articles.featureExtractor(), null,
                null, null, schedule);
    }

    private static CollectionCreated articlesScheduledNightly() {
        return new CollectionCreated(ARTICLE_EMBEDDINGS, NS, "article_embeddings", scheduled(NIGHTLY),
                articleEmbeddingsSchemas(), NOW);
    }

    private static CloneCollectionCommand clone(CollectionSchedule override) {
        return new CloneCollectionCommand(ARTICLE_EMBEDDINGS, NS, NEW_ID, "articles_copy",
                new CollectionOverrides(null, null, null, null, null, null, override));
    }

    @Test
    void cronAndIntervalSchedulesAreKeptInTheConfiguration() {
        CollectionCreated cron = onlyEvent(fixture, create("nightly", scheduled(NIGHTLY)), CollectionCreated.class);
        CollectionCreated interval = onlyEvent(fixture, create("six_hourly", scheduled(EVERY_SIX_HOURS)),
                CollectionCreated.class);

        assertThat(cron.config().schedule()).isEqualTo(NIGHTLY);
        assertThat(interval.config().schedule()).isEqualTo(EVERY_SIX_HOURS);
    }

    @Test
    void scheduleConfigKeepsKeysItsSchemaDoesNotName() {
        CollectionSchedule withExtra = new CollectionSchedule("interval",
                Map.of("interval_seconds", 3600, "jitter_seconds", 30), null);

        CollectionCreated created = onlyEvent(fixture, create("extra", scheduled(withExtra)), CollectionCreated.class);

        assertThat(created.config().schedule().scheduleConfig()).containsEntry("jitter_seconds", 30);
    }

    static Stream<Arguments> invalidSchedules() {
        return Stream.of(
                Arguments.of(new CollectionSchedule(null, Map.of("interval_seconds", 60), null), "trigger_type"),
                Arguments.of(new CollectionSchedule("event", Map.of("interval_seconds", 60), null), "trigger_type"),
                Arguments.of(new CollectionSchedule("cron", null, null), "schedule_config"),
                Arguments.of(new CollectionSchedule("cron", Map.of("timezone", "UTC"), null),
                        "schedule_config.cron_expression"),
                Arguments.of(new CollectionSchedule("cron", Map.of("cron_expression", 5), null),
                        "schedule_config.cron_expression"),
                Arguments.of(new CollectionSchedule("cron", Map.of("cron_expression", "0 2 * *"), null),
                        "schedule_config.cron_expression"),
                Arguments.of(new CollectionSchedule("cron", Map.of("cron_expression", "0 2 * * *",
                        "timezone", "Mars/Olympus_Mons"), null), "schedule_config.timezone"),
                Arguments.of(new CollectionSchedule("interval", Map.of("start_immediately", true), null),
                        "schedule_config.interval_seconds"),
                Arguments.of(new CollectionSchedule("interval", Map.of("interval_seconds", 0), null),
                        "schedule_config.interval_seconds"),
                Arguments.of(new CollectionSchedule("interval", Map.of("interval_seconds", 1.5), null),
                        "schedule_config.interval_seconds"),
                Arguments.of(new CollectionSchedule("interval", Map.of("interval_seconds", "3600"), null),
                        "schedule_config.interval_seconds"),
                Arguments.of(new CollectionSchedule("interval", Map.of("interval_seconds", 60,
                        "start_immediately", "yes"), null), "schedule_config.start_immediately"));
    }

    @ParameterizedTest(name = "{0} is a 422 at schedule.{1}")
    @MethodSource("invalidSchedules")
    void invalidScheduleIsRejectedAtItsPath(CollectionSchedule schedule, String path) {
        List<String> location = new ArrayList<>(List.of("schedule"));
        location.addAll(List.of(path.split("\\.")));

        rejected(fixture, create("bad_schedule", scheduled(schedule)), invalidOnlyAt(location));
    }

    @Test
    void cloneCopiesTheSourcesScheduleUnlessItOverridesIt() {
        CollectionCloned copied = onlyEvent(fixture.given(articlesScheduledNightly()), clone(null),
                CollectionCloned.class);
        CollectionCloned overridden = onlyEvent(fixture.given(articlesScheduledNightly()), clone(EVERY_SIX_HOURS),
                CollectionCloned.class);

        assertThat(copied.config().schedule()).isEqualTo(NIGHTLY);
        assertThat(copied.overriddenFields()).doesNotContain("schedule");
        assertThat(overridden.config().schedule()).isEqualTo(EVERY_SIX_HOURS);
        assertThat(overridden.overriddenFields()).containsExactly("schedule");
    }

    @Test
    void cloneWithAnInvalidScheduleIsRejectedLikeACreate() {
        rejected(fixture.given(articlesScheduledNightly()),
                clone(new CollectionSchedule("interval", Map.of("interval_seconds", -60), null)),
                invalidOnlyAt(at("schedule", "schedule_config", "interval_seconds")));
    }

    @Test
    void patchKeepsTheSchedule() {
        CollectionUpdated described = new CollectionUpdated(ARTICLE_EMBEDDINGS, NS, List.of("description"),
                "article_embeddings", "patched", true, Map.of(), List.of(), Instant.parse("2025-03-05T00:00:00Z"));

        CollectionCloned afterPatch = onlyEvent(fixture.given(articlesScheduledNightly(), described), clone(null),
                CollectionCloned.class);

        assertThat(afterPatch.config().description()).isEqualTo("patched");
        assertThat(afterPatch.config().schedule()).isEqualTo(NIGHTLY);
    }

    @Test
    void aConfigurationStoredWithoutAScheduleHasNone() {
        CollectionCloned cloned = onlyEvent(fixture.given(articleEmbeddingsCreated()), clone(null),
                CollectionCloned.class);

        assertThat(cloned.config().schedule()).isNull();
        assertThat(cloned.overriddenFields()).isEmpty();
    }
}
