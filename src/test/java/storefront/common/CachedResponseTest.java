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
        assertThat(ETags.noneMatchHits(null, etag)).isFalse();
        assertThat(ETags.noneMatchHits(etag, etag)).isTrue();
        assertThat(ETags.noneMatchHits("W/" + etag, etag)).isTrue();
        assertThat(ETags.noneMatchHits("\"other\", " + etag, etag)).isTrue();
        assertThat(ETags.noneMatchHits("*", etag)).isTrue();
        assertThat(ETags.noneMatchHits("\"other\"", etag)).isFalse();
    }

    @Test
    void ifMatchUsesStrongComparison() {
        String etag = response.etag();
        assertThat(ETags.matchHits(null, etag)).isFalse();
        assertThat(ETags.matchHits(etag, etag)).isTrue();
        assertThat(ETags.matchHits("W/" + etag, etag)).as("a weak tag never matches If-Match").isFalse();
        assertThat(ETags.matchHits("\"other\", " + etag, etag)).isTrue();
        assertThat(ETags.matchHits("*", etag)).isTrue();
        assertThat(ETags.matchHits(etag.substring(1, etag.length() - 1), etag)).as("unquoted, as in JSON").isTrue();
        assertThat(ETags.matchHits("\"other\"", etag)).isFalse();
    }
}
