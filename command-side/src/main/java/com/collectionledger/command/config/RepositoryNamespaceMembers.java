package com.collectionledger.command.config;

import com.collectionledger.command.bucket.Bucket;
import com.collectionledger.command.collection.Collection;
import com.collectionledger.command.namespace.NamespaceMembers;
import org.axonframework.config.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@link NamespaceMembers} through Axon's repositories: each aggregate as its events (or snapshot) make it now. */
@Component
class RepositoryNamespaceMembers implements NamespaceMembers {

    // Lazily: Axon's configuration is built from the beans that hold command handlers' resources.
    private final ObjectProvider<Configuration> axon;

    RepositoryNamespaceMembers(ObjectProvider<Configuration> axon) {
        this.axon = axon;
    }

    @Override
    public Bucket.CloneSource bucket(String bucketId) {
        return axon.getObject().repository(Bucket.class).load(bucketId).invoke(Bucket::cloneSource);
    }

    @Override
    public Collection.CloneSource collection(String collectionId) {
        return axon.getObject().repository(Collection.class).load(collectionId).invoke(Collection::cloneSource);
    }
}
