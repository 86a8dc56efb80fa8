package storefront.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalesTest {

    static final List<String> EU = List.of("en", "de", "fr", "it", "es", "nl");
    static final List<String> CN = List.of("zh-CN", "en");

    @ParameterizedTest(name = "EU, Accept-Language \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL | en",
            "'' | en",
            "de | de",
            "de-DE,de;q=0.9,en;q=0.8 | de",
            "de-AT | de",
            "FR-be | fr",
            "pt-BR,pt;q=0.9 | en",
            "pt-BR,nl;q=0.5 | nl",
            "ja,de;q=0 | en",
            "en;q=0.1,it;q=0.9 | it",
            "* | en",
            "!!not a header!! | en"})
    void negotiatesEuropeanLocales(String header, String expected) {
        assertThat(Locales.negotiate(header, EU, "en")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "CN, Accept-Language \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL | zh-CN",
            "zh | zh-CN",
            "zh-CN | zh-CN",
            "zh-cn | zh-CN",
            "en-US,en;q=0.9 | en",
            "de | zh-CN"})
    void negotiatesChineseLocales(String header, String expected) {
        assertThat(Locales.negotiate(header, CN, "zh-CN")).isEqualTo(expected);
    }
}
