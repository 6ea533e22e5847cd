package com.collectionledger.query.collection;

import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CollectionDeleted;
import com.collectionledger.api.collection.CollectionInstantiated;
import com.collectionledger.api.collection.CollectionUpdated;
import com.collectionledger.api.collection.Lineage;
import com.collectionledger.api.query.CollectionView;

/**
 * The one fold of collection events: how each event shapes a collection's view. The live
 * projection, the history and point-in-time reads all apply it, so they always agree.
 */
public final class CollectionViews {

    private CollectionViews() {
    }

    /**
     * The view after {@code event}, which is the collection's event number {@code version}, given the
     * view before it ({@code null} before the first event). A deletion leaves no view; an update of no
     * view, or an event of another kind, changes nothing.
     */
    public static CollectionView apply(CollectionView view, Object event, long version) {
        if (event instanceof CollectionCreated created) {
            return created(created, version);
        }
        if (event instanceof CollectionCloned cloned) {
            return cloned(cloned, version);
        }
        if (event instanceof CollectionInstantiated instantiated) {
            return instantiated(instantiated, version);
        }
        if (event instanceof CollectionUpdated updated) {
            return view == null ? null : updated(view, updated, version);
        }
        if (event instanceof CollectionDeleted) {
            return null;
        }
        return view;
    }

    /**
     * The value a view gives a field PATCH may change (see {@link CollectionUpdated#PATCHABLE_FIELDS}),
     * or null for any other name.
     */
    public static Object patchableValue(CollectionView view, String field) {
        return switch (field) {
            case "collection_name" -> view.collectionName();
            case "description" -> view.config().description();
            case "enabled" -> view.config().enabled();
            case "metadata" -> view.config().metadata();
            case "taxonomy_applications" -> view.config().taxonomyApplications();
            default -> null;
        };
    }

    private static CollectionView created(CollectionCreated event, long version) {
        return new CollectionView(event.collectionId(), event.namespaceId(), event.collectionName(), event.config(),
                event.schemas(), Lineage.original(event.collectionId()), version, event.createdAt(),
                event.createdAt());
    }

    private static CollectionView cloned(CollectionCloned event, long version) {
        Lineage lineage = new Lineage(new Lineage.ClonedFrom(event.sourceCollectionId(), event.sourceCollectionName(),
                event.sourceVersion(), event.clonedAt()), event.rootCollectionId(), event.generation());
        return new CollectionView(event.collectionId(), event.namespaceId(), event.collectionName(), event.config(),
                event.schemas(), lineage, version, event.clonedAt(), event.clonedAt());
    }

    /** An original of its own clone tree, whose lineage names the template and what it captured. */
    private static CollectionView instantiated(CollectionInstantiated event, long version) {
        Lineage lineage = new Lineage(null, event.collectionId(), 0, new Lineage.FromTemplate(event.templateId(),
                event.templateName(), event.sourceCollectionId(), event.sourceCollectionName(), event.sourceVersion()));
        return new CollectionView(event.collectionId(), event.namespaceId(), event.collectionName(), event.config(),
                event.schemas(), lineage, version, event.instantiatedAt(), event.instantiatedAt());
    }

    private static CollectionView updated(CollectionView view, CollectionUpdated event, long version) {
        return new CollectionView(view.collectionId(), view.namespaceId(), event.collectionName(),
                view.config().withPatch(event), view.schemas(), view.lineage(), version, view.createdAt(),
                event.updatedAt());
    }
}
