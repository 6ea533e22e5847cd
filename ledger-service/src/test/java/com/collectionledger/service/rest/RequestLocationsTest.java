package com.collectionledger.service.rest;

import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A violation from the bus is in the query when it names a query parameter of the route, else in the body. */
class RequestLocationsTest {

    @Test
    void aLocationStartingWithAQueryParameterOfTheRouteIsInTheQueryAnyOtherInTheBody() {
        LedgerError error = LedgerError.invalid(List.of(
                Violation.at("no such version", "value_error", "source_version"),
                Violation.at("no such bucket", "not_found", "source", "bucket_ids", "0"),
                Violation.at("not an object", "type_error")));

        LedgerError placed = RequestLocations.placed(error, Set.of("source_version"));

        assertThat(placed.violations()).extracting(Violation::location).containsExactly(
                List.of("query", "source_version"), List.of("body", "source", "bucket_ids", "0"), List.of("body"));
        assertThat(placed.message()).isEqualTo(error.message());
    }

    @Test
    void outsideARequestEveryViolationIsInTheBody() {
        LedgerError error = LedgerError.invalid(List.of(Violation.at("taken", "value_error", "collection_name")));

        assertThat(RequestLocations.placed(error).violations().get(0).location())
                .containsExactly("body", "collection_name");
    }
}
