package com.collectionledger.query.filter;

import com.collectionledger.api.query.ListCollectionsQuery;
import com.collectionledger.api.query.ListCriteria;
import com.collectionledger.api.query.ListFilter;
import com.collectionledger.api.query.ListFilter.Condition;
import com.collectionledger.api.query.ListFilter.Group;
import com.collectionledger.api.query.ListFilter.Logic;
import com.collectionledger.api.query.ListFilter.Operator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A list query crosses the query bus; with Axon Server it is serialized with Jackson, as here. */
class ListFilterJsonTest {

    @Test
    void aListQueryRoundTripsThroughJackson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ListFilter filter = new Group(Logic.OR, List.of(new Condition("metadata.tags", Operator.IN, List.of("a", 2.5, true), true),
                new Group(Logic.NOT, List.of(new Condition("description", Operator.IS_NULL, true, false)))));
        ListCollectionsQuery query = new ListCollectionsQuery("ns_1", new ListCriteria(filter, "x", true, "created_at", true),
                20, 10);

        ListCollectionsQuery read = mapper.readValue(mapper.writeValueAsString(query), ListCollectionsQuery.class);

        assertThat(read).isEqualTo(query);
    }
}
