package com.collectionledger.query;

/** The read model's one processing group: every projection of this module is in it. */
public final class ReadModel {

    public static final String PROCESSING_GROUP = "read-model";

    private ReadModel() {
    }
}
