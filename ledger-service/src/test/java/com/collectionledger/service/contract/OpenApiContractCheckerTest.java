package com.collectionledger.service.contract;

import com.collectionledger.service.contract.OpenApiContractChecker.Verdict;
import com.collectionledger.service.contract.OpenApiContractChecker.Verdict.Outcome;
import com.collectionledger.service.contract.OpenApiDocument.Expectation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract checker itself, on the real Mixpeek document: each of these fails if the checker is broken. */
class OpenApiContractCheckerTest {

    private static final OpenApiDocument MIXPEEK = OpenApiDocument.mixpeek();
    private final OpenApiContractChecker checker = new OpenApiContractChecker(MIXPEEK);

    private static final String NAMESPACE = """
            {"namespace_id": "ns_abc123defg", "namespace_name": "docs", "description": null,
             "feature_extractors": [{"feature_extractor_name": "text_extractor", "version": "v1",
                                     "feature_extractor_id": "text_extractor_v1"}],
             "created_at": "2025-01-02T03:04:05.678Z", "updated_at": "2025-01-02T03:04:05.678Z"}
            """;

    private static final String NOT_FOUND = """
            {"success": false, "status": 404,
             "error": {"message": "Collection col_missing00 not found", "type": "NotFoundError",
                       "details": {"collection_identifier": "col_missing00"}}}
            """;

    @Test
    void theDocumentIsTheMixpeekOpenApi31DocumentLoadedOncePerJvm() {
        assertThat(MIXPEEK.openapiVersion()).isEqualTo("3.1.0");
        assertThat(OpenApiDocument.mixpeek()).isSameAs(MIXPEEK);
        assertThat(MIXPEEK.errorEnvelopePointer()).isEqualTo("#/components/schemas/ErrorResponse");
    }

    @Test
    void aNamespaceModelWithItsFieldsPasses() {
        Verdict verdict = checker.check("POST", "/v1/namespaces", 200, NAMESPACE);

        assertThat(verdict.messages()).isEmpty();
        assertThat(verdict.outcome()).isEqualTo(Outcome.VALID);
        assertThat(verdict.route()).isEqualTo("POST /v1/namespaces");
        assertThat(verdict.schemaName()).isEqualTo("NamespaceModel");
    }

    @Test
    void aNamespaceModelWithoutItsRequiredNameFailsNamingIt() {
        String body = NAMESPACE.replace("\"namespace_name\": \"docs\",", "");

        Verdict verdict = checker.check("GET", "/v1/namespaces/ns_abc123defg", 200, body);

        assertThat(verdict.outcome()).isEqualTo(Outcome.VIOLATION);
        assertThat(verdict.route()).isEqualTo("GET /v1/namespaces/{namespace_identifier}");
        assertThat(verdict.messages()).anySatisfy(m -> assertThat(m).contains("namespace_name").contains("required"));
    }

    @Test
    void aRequiredFieldMissingDeepInsideIsNamedWithItsPath() {
        String body = NAMESPACE.replace(",\n                         \"feature_extractor_id\": \"text_extractor_v1\"", "");
        assertThat(body).doesNotContain("feature_extractor_id");

        Verdict verdict = checker.check("POST", "/v1/namespaces", 200, body);

        assertThat(verdict.outcome()).isEqualTo(Outcome.VIOLATION);
        assertThat(verdict.messages()).anySatisfy(m -> assertThat(m)
                .startsWith("$.feature_extractors[0]").contains("feature_extractor_id"));
    }

    @Test
    void wrongTypesAndMalformedTimestampsAreViolations() {
        String body = NAMESPACE.replace("\"namespace_name\": \"docs\"", "\"namespace_name\": 7")
                .replace("\"created_at\": \"2025-01-02T03:04:05.678Z\"", "\"created_at\": \"yesterday\"");

        Verdict verdict = checker.check("POST", "/v1/namespaces", 200, body);

        assertThat(verdict.messages())
                .anySatisfy(m -> assertThat(m).startsWith("$.namespace_name"))
                .anySatisfy(m -> assertThat(m).startsWith("$.created_at"));
    }

    @Test
    void routesTheDocumentDoesNotHaveAreSkipped() {
        for (String path : List.of("/v1/collections/col_abc123defg/lineage", "/v1/collections/col_abc123defg/history",
                "/v1/admin/replay", "/v1/api-keys", "/actuator/health", "/v3/api-docs")) {
            assertThat(checker.check("GET", path, 200, "{\"not\": \"checked\"}").outcome()).as(path).isEqualTo(Outcome.SKIPPED);
        }
        assertThat(checker.check("PUT", "/v1/collections/col_abc123defg", 200, "{}").outcome())
                .as("a method the path does not declare").isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void literalSegmentsWinOverTemplatedOnes() {
        assertThat(MIXPEEK.route("POST", "/v1/collections/list?limit=5&offset=0").orElseThrow().template())
                .isEqualTo("/v1/collections/list");
        assertThat(MIXPEEK.route("GET", "/v1/collections/features/extractors").orElseThrow().template())
                .isEqualTo("/v1/collections/features/extractors");
        assertThat(MIXPEEK.route("GET", "/v1/collections/features/extractors/text_extractor_v1").orElseThrow().template())
                .isEqualTo("/v1/collections/features/extractors/{feature_extractor_id}");
        assertThat(MIXPEEK.route("GET", "/v1/collections/col_abc123defg").orElseThrow().template())
                .isEqualTo("/v1/collections/{collection_identifier}");
        // Both templates declare the method here: only the literal-first rule decides.
        assertThat(MIXPEEK.route("DELETE", "/v1/collections/col_abc123defg/documents/batch").orElseThrow().template())
                .isEqualTo("/v1/collections/{collection_identifier}/documents/batch");
        assertThat(MIXPEEK.route("GET", "/v1/namespaces/ns_abc123defg/models/available").orElseThrow().template())
                .isEqualTo("/v1/namespaces/{namespace_id}/models/available");
        // The literal path wins even where only the templated one declares the method.
        assertThat(MIXPEEK.route("PATCH", "/v1/collections/list")).isEmpty();
    }

    @Test
    void aListResponseIsCheckedAgainstTheListSchemaNotTheCollectionOne() {
        String list = """
                {"results": [], "pagination": {"total": 0, "page": 1, "page_size": 10, "total_pages": 0,
                 "next_page": null, "previous_page": null, "next_cursor": null}, "total_count": 0}
                """;
        Verdict valid = checker.check("POST", "/v1/collections/list?include_total=true", 200, list);
        assertThat(valid.outcome()).isEqualTo(Outcome.VALID);
        assertThat(valid.schemaName()).isEqualTo("ListCollectionsResponse");

        Verdict wrong = checker.check("POST", "/v1/collections/list", 200, "{\"pagination\": {}, \"total_count\": 0}");
        assertThat(wrong.messages()).anySatisfy(m -> assertThat(m).contains("results"));
    }

    @Test
    void anErrorEnvelopeFor404ValidatesAgainstTheErrorSchema() {
        Verdict verdict = checker.check("GET", "/v1/collections/col_missing00", 404, NOT_FOUND);

        assertThat(verdict.messages()).isEmpty();
        assertThat(verdict.outcome()).isEqualTo(Outcome.VALID);
        assertThat(verdict.schemaName()).isEqualTo("ErrorResponse");

        Verdict bare = checker.check("GET", "/v1/collections/col_missing00", 404, "{\"detail\": \"Not Found\"}");
        assertThat(bare.messages())
                .anySatisfy(m -> assertThat(m).contains("status"))
                .anySatisfy(m -> assertThat(m).contains("error"));

        Verdict untyped = checker.check("GET", "/v1/collections/col_missing00", 404,
                NOT_FOUND.replace("\"type\": \"NotFoundError\",", ""));
        assertThat(untyped.messages()).anySatisfy(m -> assertThat(m).startsWith("$.error").contains("type"));
    }

    @Test
    void anUndeclared4xxIsCheckedAgainstTheErrorEnvelope() {
        Expectation expected = MIXPEEK.expectation(MIXPEEK.route("POST", "/v1/collections").orElseThrow(), 409);
        assertThat(expected.kind()).isEqualTo(Expectation.Kind.ERROR_ENVELOPE);
        assertThat(expected.schemaName()).isEqualTo("ErrorResponse");

        String conflict = NOT_FOUND.replace("404", "409").replace("NotFoundError", "AlreadyExistsError");
        assertThat(checker.check("POST", "/v1/collections", 409, conflict).outcome()).isEqualTo(Outcome.VALID);
        assertThat(checker.check("POST", "/v1/collections", 412, "{\"status\": 412}").messages())
                .anySatisfy(m -> assertThat(m).contains("error"));
    }

    @Test
    void anUndeclaredStatusOutside4xxIsReportedAsSuch() {
        Verdict created = checker.check("POST", "/v1/collections", 201, "{}");
        assertThat(created.outcome()).isEqualTo(Outcome.VIOLATION);
        assertThat(created.messages()).singleElement().asString().startsWith("undeclared status");

        assertThat(checker.check("GET", "/v1/collections/col_abc123defg", 502, NOT_FOUND.replace("404", "502")).messages())
                .singleElement().asString().startsWith("undeclared status").endsWith("(the body is a valid ErrorResponse)");
        assertThat(checker.check("GET", "/v1/collections/col_abc123defg", 502, "{\"detail\": \"down\"}").messages())
                .singleElement().asString().endsWith("(the body is not even a valid ErrorResponse)");
    }

    @Test
    void aServiceUnavailableIsCheckedAgainstTheErrorEnvelope() {
        assertThat(checker.check("GET", "/v1/collections/col_abc123defg", 503, NOT_FOUND.replace("404", "503"))
                .outcome()).isEqualTo(Outcome.VALID);
        assertThat(checker.check("GET", "/v1/collections/col_abc123defg", 503, "{\"detail\": \"down\"}")
                .outcome()).isEqualTo(Outcome.VIOLATION);
    }

    @Test
    void a422IsCheckedAgainstTheDocumentsValidationErrorShape() {
        String both = """
                {"success": false, "status": 422,
                 "error": {"message": "invalid", "type": "ValidationError",
                           "details": {"validation_errors": [{"type": "missing", "location": "body.source", "message": "required"}]}},
                 "detail": [{"loc": ["body", "source"], "msg": "required", "type": "missing"}]}
                """;
        Verdict verdict = checker.check("POST", "/v1/collections", 422, both);
        assertThat(verdict.messages()).isEmpty();
        assertThat(verdict.schemaName()).isEqualTo("HTTPValidationError");

        assertThat(checker.check("POST", "/v1/collections", 422, both.replace("\"msg\": \"required\", ", "")).messages())
                .anySatisfy(m -> assertThat(m).startsWith("$.detail[0]").contains("msg"));
    }

    @Test
    void anInlineResponseSchemaResolvesItsReferences() {
        Verdict empty = checker.check("GET", "/v1/collections/features/extractors", 200, "[]");
        assertThat(empty.outcome()).isEqualTo(Outcome.VALID);
        assertThat(empty.schemaName()).isEqualTo("array of FeatureExtractorResponseModel");

        Verdict incomplete = checker.check("GET", "/v1/collections/features/extractors", 200,
                "[{\"feature_extractor_name\": \"text_extractor\", \"version\": \"v1\"}]");
        assertThat(incomplete.messages()).anySatisfy(m -> assertThat(m).startsWith("$[0]").contains("feature_extractor_id"));
    }

    @Test
    void aBodyThatIsNotJsonOrIsMissingIsAViolation() {
        assertThat(checker.check("POST", "/v1/namespaces", 200, "<html>").messages())
                .singleElement().asString().startsWith("body is not JSON");
        assertThat(checker.check("POST", "/v1/namespaces", 200, "").messages())
                .singleElement().asString().startsWith("empty body");
    }

    @Test
    void openApiKeywordsAreAnnotationsAndUnknownOnesAreRecordedNotFatal() throws Exception {
        // discriminator (OpenAPI) and a stray keyword (trust_policy_example) in schemas that compile and validate.
        assertThat(MIXPEEK.schemaAt("#/components/schemas/CreateTaxonomyRequest").validate(
                OpenApiDocument.JSON.readTree("{}"))).isNotEmpty();
        assertThat(MIXPEEK.schemaAt("#/components/schemas/S3RoleCredentials").validate(
                OpenApiDocument.JSON.readTree("{\"role_arn\": 5}"))).isNotEmpty();

        assertThat(MIXPEEK.unknownKeywords()).contains("trust_policy_example").doesNotContain("discriminator", "example");
    }

    @Test
    void failModeNamesRouteStatusErrorsAndBody() {
        Verdict verdict = checker.check("POST", "/v1/namespaces", 200, "{\"namespace_id\": \"ns_abc123defg\"}");

        String message = OpenApiContract.failureMessage(verdict, "{\"namespace_id\": \"ns_abc123defg\"}");

        assertThat(message).contains("POST /v1/namespaces -> 200", "NamespaceModel", "namespace_name",
                "body: {\"namespace_id\": \"ns_abc123defg\"}");
        assertThat(OpenApiContract.mode(null)).isEqualTo(OpenApiContract.Mode.FAIL);
        assertThat(OpenApiContract.mode("collect")).isEqualTo(OpenApiContract.Mode.COLLECT);
        assertThatThrownBy(() -> OpenApiContract.mode("strict")).hasMessageContaining("fail, collect or off");
    }

    @Test
    void theReportCountsDistinctMessagesPerRouteAndStatusAndKeepsOtherRuns() {
        ViolationReport report = new ViolationReport("h2", OpenApiContract.Mode.COLLECT);
        String broken = "{\"results\": [{}, {}], \"pagination\": {}, \"total_count\": 2}";
        report.record(checker.check("POST", "/v1/collections/list", 200, broken), broken);
        report.record(checker.check("POST", "/v1/collections/list", 200, broken), broken);
        report.record(checker.check("GET", "/v1/collections/col_missing00", 404, NOT_FOUND), NOT_FOUND);
        report.record(checker.check("GET", "/actuator/health", 200, "{}"), "{}");

        String section = report.section();

        assertThat(section).contains("### POST /v1/collections/list -> 200 (ListCollectionsResponse): 2 of 2 responses violate")
                .contains("skipped (route not in the document): 1")
                // counted once per response, although each response has it twice (results[0] and results[1])
                .containsPattern("\\s2x \\$\\.results\\[\\*]: required property 'collection_name' not found")
                .contains("1 GET /v1/collections/{collection_identifier} -> 404");
        String merged = ViolationReport.merge(ViolationReport.merge("", "postgres", "## run: postgres | old\nx\n"), "h2", section);
        assertThat(merged).contains("## run: postgres | old", "## run: h2 | mode collect");
        assertThat(ViolationReport.merge(merged, "postgres", "## run: postgres | new\n"))
                .contains("## run: postgres | new", "## run: h2 | mode collect").doesNotContain("postgres | old");
    }
}
