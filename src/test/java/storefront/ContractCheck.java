package storefront;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import java.nio.file.Path;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Every answer any test receives through REST Assured is checked against the
 * committed contract (openapi/openapi.yaml) as the suite runs: its status must
 * be one the operation documents, its media type one documented for that
 * status, and its body valid against the documented schema. A test fails on
 * the first answer the contract does not describe, so the contract cannot
 * drift from behaviour. A member answered as null must be one the contract
 * says may be null ({@link NullsAsDocumented}). Requests are not checked:
 * tests send bad input on purpose, and what the API answers to it is what is
 * checked.
 */
public class ContractCheck implements QuarkusTestBeforeEachCallback {

    private static final OpenApiValidationFilter FILTER = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(
                            Path.of("openapi", "openapi.yaml").toAbsolutePath().toUri().toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            // The validator reads an OpenAPI 3.1 header schema (type given as a list) as one
                            // for JSON and cannot parse a plain header value; header presence is still checked.
                            .withLevel("validation.response.header.schema.invalidJson", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    /** Installed before each test of a Quarkus test: in the class loader the tests' REST Assured lives in. */
    private static final NullsAsDocumented NULLS = new NullsAsDocumented(Path.of("openapi", "openapi.json"));

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER, NULLS);
        }
    }
}
