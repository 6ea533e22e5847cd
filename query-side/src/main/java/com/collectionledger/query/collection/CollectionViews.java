package com.collectionledger.query.collection;

import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CollectionInstantiated;
import com.collectionledger.api.collection.CollectionUpdated;
import com.collectionledger.api.collection.Lineage;
import com.collectionledger.api.query.CollectionView;

/**
 * How each event shapes a collection's view: pure functions shared by the live projection and by
 * point-in-time reads, so both always agree.
 */
public final class CollectionViews {

    private CollectionViews() {
    }

    public static CollectionView created(CollectionCreated event, long version) {
        return new CollectionView(event.collectionId(), event.namespaceId(), event.collectionName(), event.config(),
                event.schemas(), Lineage.original(event.collectionId()), version, event.createdAt(),
                event.createdAt());
    }

    public static CollectionView cloned(CollectionCloned event, long version) {
        Lineage lineage = new Lineage(new Lineage.ClonedFrom(event.sourceCollectionId(), event.sourceCollectionName(),
                event.sourceVersion(), event.clonedAt()), event.rootCollectionId(), event.generation());
        return new CollectionView(event.collectionId(), event.namespaceId(), event.collectionName(), event.config(),
                event.schemas(), lineage, version, event.clonedAt(), event.clonedAt());
    }

    /** An original of its own clone tree, whose lineage names the template and what it captured. */
    public static CollectionView instantiated(CollectionInstantiated event, long version) {
        Lineage lineage = new Lineage(null, event.collectionId(), 0, new Lineage.FromTemplate(event.templateId(),
                event.templateName(), event.sourceCollectionId(), event.sourceCollectionName(), event.sourceVersion()));
        return new CollectionView(event.collectionId(), event.namespaceId(), event.collectionName(), event.config(),
                event.schemas(), lineage, version, event.instantiatedAt(), event.instantiatedAt());
    }

    public static CollectionView updated(CollectionView view, CollectionUpdated event, long version) {
        CollectionConfig next = view.config().patched(event.description(), event.enabled(), event.metadata(),
                event.taxonomyApplications());
        return new CollectionView(view.collectionId(), view.namespaceId(), event.collectionName(), next,
                view.schemas(), view.lineage(), version, view.createdAt(), event.updatedAt());
    }
}
