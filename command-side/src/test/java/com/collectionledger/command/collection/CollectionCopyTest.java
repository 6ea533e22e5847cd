package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionDeleted;
import com.collectionledger.api.collection.CollectionUpdated;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

/** What the aggregate cache hands each unit of work: a copy with every field, sharing nothing an event changes. */
class CollectionCopyTest {

    private static final String CLONE = "col_clone0001";

    @Test
    void aCopyHasEveryFieldOfTheOriginal() throws IllegalAccessException {
        Collection original = clonedPatchedAndDeleted();
        Collection unset = new Collection();
        for (Field field : Collection.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                assertThat(Objects.equals(field.get(original), field.get(unset)) || isEmptyMap(field.get(original)))
                        .as("the original sets %s, so that a copy that forgot it would differ", field.getName())
                        .isFalse();
            }
        }

        assertThat(original.copy()).usingRecursiveComparison().isEqualTo(original);
    }

    @Test
    void eventsAppliedToACopyLeaveTheOriginalAsItWas() {
        Collection original = new Collection();
        original.on(cloned(), 0);
        Collection before = original.copy();

        Collection copy = original.copy();
        copy.on(patched(), 1);
        copy.on(new CollectionDeleted(CLONE, NS, "copy", NOW), 2);

        assertThat(original).usingRecursiveComparison().isEqualTo(before);
        assertThat(copy).usingRecursiveComparison().isNotEqualTo(before);
    }

    private static Collection clonedPatchedAndDeleted() {
        Collection collection = new Collection();
        collection.on(cloned(), 0);
        collection.on(patched(), 1);
        collection.on(new CollectionDeleted(CLONE, NS, "copy", NOW), 2);
        return collection;
    }

    private static CollectionCloned cloned() {
        return new CollectionCloned(CLONE, ARTICLE_EMBEDDINGS, "article_embeddings", 0, ARTICLE_EMBEDDINGS, 1, NS,
                "copy", articleEmbeddingsConfig(), List.of(), articleEmbeddingsSchemas(), NOW, List.of(ARTICLE_EMBEDDINGS));
    }

    private static CollectionUpdated patched() {
        return new CollectionUpdated(CLONE, NS, List.of("description"), "copy", "patched", true, Map.of(), List.of(),
                NOW);
    }

    private static boolean isEmptyMap(Object value) {
        return value instanceof Map<?, ?> map && map.isEmpty();
    }
}
