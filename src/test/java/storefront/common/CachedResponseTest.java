package storefront.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CachedResponseTest {

    final CachedResponse response = CachedResponse.of(200, "application/json",
            "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "en");

    @Test
    void etagIsStrongAndFollowsTheBytes() {
        CachedResponse other = CachedResponse.of(200, "application/json",
                "{\"a\":2}".getBytes(StandardCharsets.UTF_8), "en");
        assertThat(response.etag()).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
        assertThat(other.etag()).isNotEqualTo(response.etag());
    }

    @Test
    void ifNoneMatchUsesWeakComparison() {
        String etag = response.etag();
        assertThat(CachedResponse.matches(null, etag)).isFalse();
        assertThat(CachedResponse.matches(etag, etag)).isTrue();
        assertThat(CachedResponse.matches("W/" + etag, etag)).isTrue();
        assertThat(CachedResponse.matches("\"other\", " + etag, etag)).isTrue();
        assertThat(CachedResponse.matches("*", etag)).isTrue();
        assertThat(CachedResponse.matches("\"other\"", etag)).isFalse();
    }
}
