package storefront.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A specification's value as each language writes it, as a table. */
class SpecDisplayTest {

    private static StoredProduct.Spec number(String value, String unit) {
        return new StoredProduct.Spec("x", "g", null, Map.of(), "NUMBER", new BigDecimal(value), unit, null, null, null);
    }

    private static StoredProduct.Spec flag(boolean value) {
        return new StoredProduct.Spec("x", "g", null, Map.of(), "BOOLEAN", null, null, value, null, null);
    }

    static Stream<Arguments> values() {
        StoredProduct.Spec text = new StoredProduct.Spec("x", "g", null, Map.of(), "TEXT", null, null, null,
                Map.of("en", "Aluminium", "de", "Aluminium, gebürstet"), null);
        StoredProduct.Spec list = new StoredProduct.Spec("x", "g", null, Map.of(), "LIST", null, null, null, null,
                List.of("Bluetooth 5.3", "NFC"));
        return Stream.of(
                Arguments.of(number("20000", "mAh"), "en", "20,000 mAh"),
                Arguments.of(number("20000", "mAh"), "de", "20.000 mAh"),
                Arguments.of(number("20000", "mAh"), "zh-CN", "20,000 mAh"),
                Arguments.of(number("1.62", "in"), "de", "1,62 in"),
                Arguments.of(number("22.5", "g"), "en", "22.5 g"),
                Arguments.of(number("5", null), "en", "5"),
                Arguments.of(flag(true), "de", "Ja"),
                Arguments.of(flag(false), "zh-CN", "否"),
                Arguments.of(flag(true), "sv", "Yes"),
                Arguments.of(text, "de", "Aluminium, gebürstet"),
                Arguments.of(text, "fr", "Aluminium"),
                Arguments.of(list, "de", "Bluetooth 5.3, NFC"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("values")
    void writtenAsTheLanguageWritesIt(StoredProduct.Spec spec, String locale, String expected) {
        assertThat(SpecDisplay.of(spec, locale, "en")).isEqualTo(expected);
    }
}
