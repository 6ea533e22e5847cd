package com.collectionledger.command.support;

import com.collectionledger.command.catalog.ExtractorCatalog;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** Aggregate fixtures with the resources the command handlers inject. */
public final class Fixtures {

    private static final ExtractorCatalog CATALOG = ExtractorCatalog.builtIn();

    private Fixtures() {
    }

    public static <T> AggregateTestFixture<T> fixture(Class<T> aggregate, InMemoryDirectory directory) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(aggregate);
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(CATALOG);
        fixture.registerInjectableResource(Seed.CLOCK);
        return fixture;
    }
}
