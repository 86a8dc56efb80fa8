package storefront;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import storefront.common.ProblemTypes;

/**
 * The committed contract in openapi/ is what the code serves. The packaged build
 * (./mvnw package) rewrites openapi/; commit the result when this test fails.
 */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void committedContractMatchesTheCode() throws IOException {
        for (String format : new String[] {"yaml", "json"}) {
            Path committed = Path.of("openapi", "openapi." + format);
            assertThat(committed).as("committed contract").exists();
            String served = given().queryParam("format", format).get("/q/openapi")
                    .then().statusCode(200).extract().asString();
            // Left beside the build output for a diff when the two disagree.
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "served-openapi." + format), served, StandardCharsets.UTF_8);
            // Compared as documents: the build writes members in another order than the server does.
            ObjectMapper mapper = format.equals("yaml") ? new YAMLMapper() : new ObjectMapper();
            assertThat(mapper.readTree(served))
                    .as("openapi/openapi.%s is out of date: run ./mvnw package -DskipTests and commit openapi/", format)
                    .isEqualTo(mapper.readTree(committed.toFile()));
        }
    }

    @Test
    void everyProblemTypeResolvesToItsDescriptionAndTheContractListsEveryCode() throws IOException {
        for (ProblemTypes.Type type : ProblemTypes.all()) {
            given().get(type.uri()).then().statusCode(200).contentType("application/json")
                    .body("code", org.hamcrest.Matchers.equalTo(type.code()))
                    .body("type", org.hamcrest.Matchers.equalTo(type.uri()))
                    .body("description", org.hamcrest.Matchers.equalTo(type.description()));
        }
        assertThat(given().get("/problems").then().statusCode(200).extract().jsonPath().<String>getList("code"))
                .containsExactlyElementsOf(ProblemTypes.all().stream().map(ProblemTypes.Type::code).toList());
        given().get("/problems/no-such-problem").then().statusCode(404).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("NOT_FOUND"));
        // A problem's type, as an answer carries it, resolves too.
        String type = given().get("/api/v1/regions/XX").then().statusCode(404).extract().path("type");
        given().get(type).then().statusCode(200).body("code", org.hamcrest.Matchers.equalTo("REGION_NOT_FOUND"));
        com.fasterxml.jackson.databind.JsonNode codes = new ObjectMapper().readTree(Path.of("openapi", "openapi.json")
                .toFile()).at("/components/schemas/Problem/properties/code/enum");
        List<String> listed = new java.util.ArrayList<>();
        codes.forEach(code -> listed.add(code.asText()));
        assertThat(listed).containsExactlyElementsOf(ProblemTypes.all().stream().map(ProblemTypes.Type::code).toList());
    }

    @Test
    void contractDescribesTheCatalogAndItsProblems() throws IOException {
        String yaml = Files.readString(Path.of("openapi", "openapi.yaml"), StandardCharsets.UTF_8);
        assertThat(yaml).contains("/api/v1/regions/{code}/products/{slug}:", "application/problem+json",
                "PRODUCT_NOT_AVAILABLE_IN_REGION", "Problem:", "ProductPage:");
    }
}
