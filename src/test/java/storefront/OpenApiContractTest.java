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
import org.junit.jupiter.api.Test;

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
    void contractDescribesTheCatalogAndItsProblems() throws IOException {
        String yaml = Files.readString(Path.of("openapi", "openapi.yaml"), StandardCharsets.UTF_8);
        assertThat(yaml).contains("/api/v1/regions/{code}/products/{slug}:", "application/problem+json",
                "PRODUCT_NOT_AVAILABLE_IN_REGION", "Problem:", "ProductPage:");
    }
}
