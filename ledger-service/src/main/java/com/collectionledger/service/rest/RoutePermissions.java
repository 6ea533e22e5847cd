package com.collectionledger.service.rest;

import com.collectionledger.service.security.Permission;

/**
 * The permission each route needs (the extractor catalog needs none). read: get, list, lineage, history, features;
 * write: create, clone, patch, put, template capture and instantiation; delete: delete; admin: namespaces
 * (create, clone, change, delete), keys, replay.
 */
final class RoutePermissions {

    private RoutePermissions() {
    }

    static Permission required(String method, String path) {
        if (path.startsWith("/v1/admin/") || path.equals("/v1/api-keys") || path.startsWith("/v1/api-keys/")) {
            return Permission.ADMIN;
        }
        if (path.equals("/v1/namespaces") && method.equals("POST")) {
            return Permission.ADMIN;
        }
        if (path.startsWith("/v1/namespaces/") && path.endsWith("/clone") && method.equals("POST")) {
            return Permission.ADMIN;
        }
        if (isNamespace(path) && !method.equals("GET") && !method.equals("HEAD")) {
            return Permission.ADMIN; // PATCH, PUT, DELETE of a namespace
        }
        // Mixpeek's list of collection templates is a POST to the collection of templates itself.
        boolean listing = path.endsWith("/list") || path.equals("/v1/templates/collections");
        return switch (method) {
            case "GET", "HEAD" -> Permission.READ;
            case "DELETE" -> Permission.DELETE;
            case "POST" -> listing ? Permission.READ : Permission.WRITE;
            default -> Permission.WRITE;
        };
    }

    /** {@code /v1/namespaces/{identifier}} (not the list). */
    static boolean isNamespace(String path) {
        return path.startsWith("/v1/namespaces/") && path.indexOf('/', "/v1/namespaces/".length()) < 0
                && !path.equals("/v1/namespaces/list");
    }
}
