package storefront.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static storefront.availability.ReasonCode.CATEGORY_NOT_SOLD;
import static storefront.availability.ReasonCode.MISSING_CERTIFICATION;
import static storefront.availability.ReasonCode.NOT_YET_LAUNCHED;
import static storefront.availability.ReasonCode.NO_LONGER_SOLD;
import static storefront.availability.ReasonCode.NO_PRICE;
import static storefront.availability.ReasonCode.PRODUCT_DELISTED;
import static storefront.availability.ReasonCode.PRODUCT_RETIRED;
import static storefront.availability.ReasonCode.REGION_CLOSED;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AvailabilityPolicyTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Instant EARLIER = NOW.minusSeconds(3600);
    static final Instant LATER = NOW.plusSeconds(3600);

    static final RegionRules US = new RegionRules("US", true, Set.of("WEARABLE", "AUDIO", "POWER"),
            Map.of("WEARABLE", Set.of("FCC"), "AUDIO", Set.of("FCC"), "PHONE", Set.of("FCC")));
    static final RegionRules EU = new RegionRules("EU", true, Set.of("WEARABLE", "AUDIO", "POWER"),
            Map.of("POWER", Set.of("CE"), "WEARABLE", Set.of("CE")));
    static final RegionRules CN = new RegionRules("CN", true, Set.of("PHONE", "WEARABLE", "AUDIO", "POWER"),
            Map.of("PHONE", Set.of("CCC", "SRRC")));
    static final RegionRules CN_CLOSED = new RegionRules("CN", false, CN.soldCategories(), CN.requiredCertifications());

    static final ProductFacts BAND = new ProductFacts("mi-band", "WEARABLE", Set.of("FCC", "CE", "CCC"));
    static final ProductFacts PHONE = new ProductFacts("mi-note", "PHONE", Set.of("FCC", "CCC"));
    static final ProductFacts NO_CE_POWER_BANK = new ProductFacts("wireless-bank", "POWER", Set.of("FCC"));

    static Listing window(Instant from, Instant until) {
        return new Listing(true, null, from, until);
    }

    static final Listing DELISTED = new Listing(false, "recall", null, null);

    static Stream<Arguments> cases() {
        return Stream.of(
                // product, priced, region, listing, expected reasons (empty = available)
                Arguments.of("accessory sold in US", BAND, true, US, Listing.DEFAULT, List.of()),
                Arguments.of("phone in US: category not sold", PHONE, true, US, Listing.DEFAULT, List.of(CATEGORY_NOT_SOLD)),
                Arguments.of("phone in CN lacking SRRC", PHONE, true, CN, Listing.DEFAULT, List.of(MISSING_CERTIFICATION)),
                Arguments.of("no CE in EU, for that reason alone", NO_CE_POWER_BANK, true, EU, Listing.DEFAULT,
                        List.of(MISSING_CERTIFICATION)),
                Arguments.of("same power bank in US needs nothing", NO_CE_POWER_BANK, true, US, Listing.DEFAULT, List.of()),
                Arguments.of("closed region", BAND, true, CN_CLOSED, Listing.DEFAULT, List.of(REGION_CLOSED)),
                Arguments.of("delisted", BAND, true, US, DELISTED, List.of(PRODUCT_DELISTED)),
                Arguments.of("no price", BAND, false, US, Listing.DEFAULT, List.of(NO_PRICE)),
                Arguments.of("retired, everywhere", new ProductFacts("mi-band", "WEARABLE", BAND.certifications(), true),
                        true, US, Listing.DEFAULT, List.of(PRODUCT_RETIRED)),
                Arguments.of("launch ahead", BAND, true, US, window(LATER, null), List.of(NOT_YET_LAUNCHED)),
                Arguments.of("launch at this very instant", BAND, true, US, window(NOW, null), List.of()),
                Arguments.of("launched earlier", BAND, true, US, window(EARLIER, null), List.of()),
                Arguments.of("window ends at this very instant", BAND, true, US, window(EARLIER, NOW), List.of(NO_LONGER_SOLD)),
                Arguments.of("window ended", BAND, true, US, window(null, EARLIER), List.of(NO_LONGER_SOLD)),
                Arguments.of("inside the window", BAND, true, US, window(EARLIER, LATER), List.of()),
                Arguments.of("every reason at once", new ProductFacts("mi-note", "PHONE", PHONE.certifications(), true), false, new RegionRules("XX", false, Set.of(),
                                Map.of("PHONE", Set.of("BIS"))), new Listing(false, "ops", LATER, LATER.plusSeconds(1)),
                        List.of(PRODUCT_RETIRED, REGION_CLOSED, CATEGORY_NOT_SOLD, PRODUCT_DELISTED, MISSING_CERTIFICATION,
                                NOT_YET_LAUNCHED, NO_PRICE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, ProductFacts product, boolean priced, RegionRules region, Listing listing,
                 List<ReasonCode> expected) {
        Decision decision = AvailabilityPolicy.decide(product, priced, region, NOW, listing);
        assertThat(decision.codes()).isEqualTo(expected);
        assertThat(decision.available()).isEqualTo(expected.isEmpty());
    }

    @Test
    void namesEveryMissingCertification() {
        ProductFacts bare = new ProductFacts("bare-phone", "PHONE", Set.of());
        Decision decision = AvailabilityPolicy.decide(bare, true, CN, NOW, Listing.DEFAULT);
        assertThat(decision.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(MISSING_CERTIFICATION);
            assertThat(reason.certifications()).containsExactly("CCC", "SRRC");
            assertThat(reason.message()).contains("CCC, SRRC");
        });
    }

    @Test
    void delistingCarriesItsReason() {
        Decision decision = AvailabilityPolicy.decide(BAND, true, US, NOW, DELISTED);
        assertThat(decision.reasons().get(0).message()).contains("recall");
    }
}
