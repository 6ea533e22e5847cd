package com.collectionledger.service;

import com.collectionledger.service.contract.OpenApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small real HTTP client for the tests: JSON in, status and JSON out. */
public final class HttpApi {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public HttpApi(int port, String apiKey) {
        this.baseUrl = "http://localhost:" + port;
        if (apiKey != null) {
            headers.put("Authorization", "Bearer " + apiKey);
        }
    }

    private HttpApi(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers.putAll(headers);
    }

    /** The same client with one more (or one replaced) header. */
    public HttpApi with(String header, String value) {
        HttpApi copy = new HttpApi(baseUrl, headers);
        if (value == null) {
            copy.headers.remove(header);
        } else {
            copy.headers.put(header, value);
        }
        return copy;
    }

    public HttpApi inNamespace(String namespace) {
        return with("X-Namespace", namespace);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends {@code body} as is when it is a String (raw, possibly malformed), else as JSON. */
    public Response send(String method, String path, Object body) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(text));
            if (text != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            OpenApiContract.onResponse(method, path, response.statusCode(), response.body());
            JsonNode json = response.body() == null || response.body().isBlank()
                    ? MissingNode.getInstance() : JSON.readTree(response.body());
            return new Response(response.statusCode(), json, response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, JsonNode body, Map<String, java.util.List<String>> headers) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The value at a dotted path, e.g. {@code collection.lineage.generation}. */
        public JsonNode at(String dottedPath) {
            JsonNode node = body;
            for (String step : dottedPath.split("\\.")) {
                node = node.isArray() ? node.path(Integer.parseInt(step)) : node.path(step);
            }
            return node;
        }

        public String text(String dottedPath) {
            return at(dottedPath).asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
