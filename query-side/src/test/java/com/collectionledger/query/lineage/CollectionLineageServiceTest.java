package com.collectionledger.query.lineage;

import com.collectionledger.api.query.CollectionLineage;
import com.collectionledger.api.query.CollectionLineage.Ancestor;
import com.collectionledger.api.query.CollectionLineage.Descendant;
import com.collectionledger.api.query.CollectionLineageQuery;
import com.collectionledger.query.ReadModelFixture;
import com.collectionledger.query.ReadModelTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import java.util.List;

import static com.collectionledger.query.SampleEvents.T0;
import static com.collectionledger.query.SampleEvents.collectionCloned;
import static com.collectionledger.query.SampleEvents.collectionCreated;
import static com.collectionledger.query.SampleEvents.collectionDeleted;
import static com.collectionledger.query.SampleEvents.minutes;
import static com.collectionledger.query.SampleEvents.namespaceCreated;
import static com.collectionledger.query.SampleEvents.readingBucket;
import static org.assertj.core.api.Assertions.assertThat;

/** CollectionLineageQuery's recursive walks over the collection view, on the real store. */
@SpringJUnitConfig(ReadModelTestConfiguration.class)
class CollectionLineageServiceTest {

    @Autowired
    private ReadModelFixture readModel;

    /**
     * In ns_a: root, cloned at version 2 as c1 and at versions 0 and 1 as d1 and d2; c1 cloned as c2,
     * and c2 as c3. Clones are handled before the collections they were cloned from, as the read model
     * may see them (events are ordered per collection only).
     */
    @BeforeEach
    void cloneTree() {
        readModel.clear();
        readModel.given("ns_a", 0, T0, namespaceCreated("ns_a", "team-a", T0));
        given(true);
    }

    /** The tree above; {@code recorded}: the clones' events record their ancestry, as they do since it exists. */
    private void given(boolean recorded) {
        readModel.given("col_c3", 0, minutes(6), collectionCloned("col_c3", "ns_a", "c3", "col_c2", "c2", 0,
                "col_root", 3, minutes(6), recorded ? List.of("col_c2", "col_c1", "col_root") : null));
        readModel.given("col_c2", 0, minutes(5), collectionCloned("col_c2", "ns_a", "c2", "col_c1", "c1", 0,
                "col_root", 2, minutes(5), recorded ? List.of("col_c1", "col_root") : null));
        readModel.given("col_c1", 0, minutes(4), collectionCloned("col_c1", "ns_a", "c1", "col_root", "root", 2,
                "col_root", 1, minutes(4), recorded ? List.of("col_root") : null));
        readModel.given("col_d2", 0, minutes(3), collectionCloned("col_d2", "ns_a", "d2", "col_root", "root", 1,
                "col_root", 1, minutes(3), recorded ? List.of("col_root") : null));
        readModel.given("col_d1", 0, minutes(2), collectionCloned("col_d1", "ns_a", "d1", "col_root", "root", 0,
                "col_root", 1, minutes(2), recorded ? List.of("col_root") : null));
        readModel.given("col_root", 0, T0, collectionCreated("col_root", "ns_a", "root", readingBucket("bkt_1"), T0));
    }

    @Test
    void ancestorsComeNearestFirstWithTheVersionEachStepCopied() {
        CollectionLineage lineage = lineage("ns_a", "c3", true, false, 100, null);

        assertThat(lineage.collectionId()).isEqualTo("col_c3");
        assertThat(lineage.rootCollectionId()).isEqualTo("col_root");
        assertThat(lineage.generation()).isEqualTo(3);
        assertThat(lineage.descendants()).isNull();
        assertThat(lineage.ancestors().truncated()).isFalse();
        assertThat(lineage.ancestors().entries()).containsExactly(
                new Ancestor(1, "col_c2", "c2", 2, 0, minutes(6), false, true),
                new Ancestor(2, "col_c1", "c1", 1, 0, minutes(5), false, true),
                new Ancestor(3, "col_root", "root", 0, 2, minutes(4), false, true));
    }

    @Test
    void descendantsComeBreadthFirstInIdOrderAndPageWithTheirTotal() {
        CollectionLineage.Descendants all = lineage("ns_a", "root", false, true, 100, null).descendants();
        assertThat(all.entries()).extracting(Descendant::collectionId)
                .containsExactly("col_c1", "col_d1", "col_d2", "col_c2", "col_c3");
        assertThat(all.entries().get(1)).isEqualTo(new Descendant(1, "col_d1", "d1", "col_root", 1, 0, minutes(2),
                false, true));
        assertThat(all.total()).isEqualTo(5);
        assertThat(all.truncated()).isFalse();

        CollectionLineage.Descendants page = readModel.answer(new CollectionLineageQuery("ns_a", "col_root", false,
                true, 100, 1, 2), CollectionLineage.class).descendants();
        assertThat(page.entries()).extracting(Descendant::collectionId).containsExactly("col_d1", "col_d2");
        assertThat(page.total()).isEqualTo(5);

        CollectionLineage.Descendants beyond = readModel.answer(new CollectionLineageQuery("ns_a", "col_root", false,
                true, 100, 5, 2), CollectionLineage.class).descendants();
        assertThat(beyond.entries()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
    }

    @Test
    void theDepthCapStopsBothWalksAndSaysSo() {
        CollectionLineage.Ancestors up = lineage("ns_a", "col_c3", true, false, 2, null).ancestors();
        assertThat(up.entries()).extracting(Ancestor::collectionId).containsExactly("col_c2", "col_c1");
        assertThat(up.truncated()).isTrue();

        CollectionLineage.Descendants down = lineage("ns_a", "col_root", false, true, 1, null).descendants();
        assertThat(down.entries()).extracting(Descendant::collectionId).containsExactly("col_c1", "col_d1", "col_d2");
        assertThat(down.total()).isEqualTo(3);
        assertThat(down.truncated()).isTrue();

        assertThat(lineage("ns_a", "col_c2", false, true, 1, null).descendants().truncated()).isFalse();
    }

    @Test
    void pagesFollowEachOtherByCursorAndOnlyATotalAskedForIsCounted() {
        List<String> seen = new java.util.ArrayList<>();
        CollectionLineage.Position after = null;
        int pages = 0;
        do {
            CollectionLineage.Descendants page = readModel.answer(new CollectionLineageQuery("ns_a", "col_root", false,
                    true, 100, 0, 2, null, after, false), CollectionLineage.class).descendants();
            assertThat(page.total()).isNull();
            page.entries().forEach(entry -> seen.add(entry.collectionId()));
            after = page.next();
            pages++;
        } while (after != null);
        assertThat(seen).containsExactly("col_c1", "col_d1", "col_d2", "col_c2", "col_c3");
        assertThat(pages).isEqualTo(3);

        CollectionLineage.Descendants counted = readModel.answer(new CollectionLineageQuery("ns_a", "col_root", false,
                true, 100, 0, 2, null, new CollectionLineage.Position(1, "col_d1"), true), CollectionLineage.class)
                .descendants();
        assertThat(counted.entries()).extracting(Descendant::collectionId).containsExactly("col_d2", "col_c2");
        assertThat(counted.total()).isEqualTo(5);
        assertThat(counted.next()).isEqualTo(new CollectionLineage.Position(2, "col_c2"));
    }

    /** The closure answers a request in one statement: the collection, its ancestors and its page of descendants. */
    @Test
    void oneReadAnswersBothDirectionsWithTheCutAndTheTotalFromAnyPlaceInTheTree() {
        CollectionLineage middle = readModel.answer(new CollectionLineageQuery("ns_a", "col_c1", true, true, 1, 0,
                100, null, null, true), CollectionLineage.class);
        assertThat(middle.collectionName()).isEqualTo("c1");
        assertThat(middle.generation()).isEqualTo(1);
        assertThat(middle.ancestors()).isEqualTo(new CollectionLineage.Ancestors(List.of(
                new Ancestor(1, "col_root", "root", 0, 2, minutes(4), false, true)), false));
        assertThat(middle.descendants().entries()).extracting(Descendant::collectionId).containsExactly("col_c2");
        assertThat(middle.descendants().total()).isEqualTo(1);
        assertThat(middle.descendants().truncated()).isTrue();

        // After a cursor and an offset from it, the total counted: the closure's page and the walk's agree.
        int deep = CollectionLineageService.CLOSURE_DEPTH + 1;
        for (int maxDepth : new int[]{100, deep}) {
            CollectionLineage.Descendants page = readModel.answer(new CollectionLineageQuery("ns_a", "col_root", true,
                    true, maxDepth, 1, 2, null, new CollectionLineage.Position(1, "col_c1"), true),
                    CollectionLineage.class).descendants();
            assertThat(page.entries()).extracting(Descendant::collectionId).containsExactly("col_d2", "col_c2");
            assertThat(page.total()).isEqualTo(5);
            assertThat(page.truncated()).isFalse();
            assertThat(page.next()).isEqualTo(new CollectionLineage.Position(2, "col_c2"));
        }
        // A leaf: no descendants, no next page, its whole chain.
        CollectionLineage leaf = lineage("ns_a", "col_c3", true, true, 100, null);
        assertThat(leaf.descendants()).isEqualTo(new CollectionLineage.Descendants(List.of(), 0L, false, null));
        assertThat(leaf.ancestors().entries()).extracting(Ancestor::collectionId)
                .containsExactly("col_c2", "col_c1", "col_root");
    }

    @Test
    void walksBeyondTheClosureFollowTheCloneLinksAndAgreeWithIt() {
        int deep = CollectionLineageService.CLOSURE_DEPTH + 1;
        assertThat(lineage("ns_a", "root", false, true, deep, null).descendants())
                .isEqualTo(lineage("ns_a", "root", false, true, 100, null).descendants());
        assertThat(lineage("ns_a", "c3", true, false, deep, null).ancestors())
                .isEqualTo(lineage("ns_a", "c3", true, false, 100, null).ancestors());
    }

    @Test
    void clonesWhoseEventsDidNotRecordTheirAncestryHaveTheSameLineageWhateverTheOrderTheyWereProjectedIn() {
        CollectionLineage recorded = lineage("ns_a", "col_c2", true, true, 100, null);
        CollectionLineage root = lineage("ns_a", "col_root", false, true, 100, null);
        readModel.clear();
        readModel.given("ns_a", 0, T0, namespaceCreated("ns_a", "team-a", T0));
        given(false);

        assertThat(lineage("ns_a", "col_c2", true, true, 100, null)).isEqualTo(recorded);
        assertThat(lineage("ns_a", "col_root", false, true, 100, null)).isEqualTo(root);
    }

    @Test
    void aDeletedCollectionStaysInTheLineageAndIsFoundByIdNotByName() {
        readModel.given("col_c1", 1, minutes(10), collectionDeleted("col_c1", "ns_a", "c1", minutes(10)));

        assertThat(lineage("ns_a", "col_c3", true, false, 100, null).ancestors().entries().get(1))
                .isEqualTo(new Ancestor(2, "col_c1", "c1", 1, 0, minutes(5), true, true));
        assertThat(lineage("ns_a", "col_c1", false, false, 100, null).deleted()).isTrue();
        assertThat(lineage("ns_a", "c1", false, false, 100, null)).isNull();
    }

    @Test
    void collectionsOfNamespacesOutsideTheCallersScopeAreShownByIdOnly() {
        readModel.given("ns_b", 0, minutes(7), namespaceCreated("ns_b", "team-b", minutes(7)));
        readModel.given("col_b1", 0, minutes(7), collectionCloned("col_b1", "ns_b", "b1", "col_root", "root", 0,
                "col_root", 1, minutes(7), List.of("col_root")));

        Ancestor hidden = lineage("ns_b", "b1", true, false, 100, List.of("team-b")).ancestors().entries().get(0);
        assertThat(hidden).isEqualTo(new Ancestor(1, "col_root", null, 0, 0, minutes(7), false, false));
        assertThat(lineage("ns_b", "b1", true, false, 100, List.of("team-*")).ancestors().entries().get(0).visible())
                .isTrue();
        assertThat(lineage("ns_a", "root", false, true, 1, List.of("ns_a")).descendants().entries())
                .filteredOn(descendant -> !descendant.visible()).extracting(Descendant::collectionId)
                .containsExactly("col_b1");
        assertThat(lineage("ns_b", "col_root", true, true, 100, null)).isNull();
    }

    private CollectionLineage lineage(String namespaceId, String identifier, boolean ancestors, boolean descendants,
                                      int maxDepth, List<String> scope) {
        return readModel.answer(new CollectionLineageQuery(namespaceId, identifier, ancestors, descendants, maxDepth,
                0, 100, scope), CollectionLineage.class);
    }
}
