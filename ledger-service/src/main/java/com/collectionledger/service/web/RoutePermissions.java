package com.collectionledger.service.web;

import com.collectionledger.service.security.Permission;

/**
 * The permission each route needs (the extractor catalog needs none). read: get, list, lineage, history;
 * write: create, clone, patch; delete: delete; admin: namespaces (create, clone), keys, replay.
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
        boolean listing = path.endsWith("/list");
        return switch (method) {
            case "GET", "HEAD" -> Permission.READ;
            case "DELETE" -> Permission.DELETE;
            case "POST" -> listing ? Permission.READ : Permission.WRITE;
            default -> Permission.WRITE;
        };
    }
}
