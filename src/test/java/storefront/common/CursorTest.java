package storefront.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    @Test
    void roundTrips() {
        assertThat(Cursor.decode(Cursor.encode("mi-band-8"))).contains("mi-band-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "zzz", "!!!!", "bWktYmFuZA", "azE6"})
    void rejectsWhatItDidNotIssue(String cursor) {
        // "bWktYmFuZA" is base64 of a bare slug without the version prefix; "azE6" is the prefix alone.
        assertThat(Cursor.decode(cursor)).isEmpty();
    }
}
