package storefront.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import storefront.order.OrderApi.ShippingAddress;

class AddressKeyTest {

    private static ShippingAddress address(String name, String line1, String line2, String city, String postal,
                                           String state, String country) {
        return new ShippingAddress(name, line1, line2, city, postal, state, country);
    }

    private static final ShippingAddress HOME = address("Ada Lovelace", "12 North Main Street", "Apartment 4B",
            "Springfield", "62701", "IL", "US");

    @Test
    void oneDoorWrittenManyWaysHasOneKey() {
        assertThat(AddressKey.of(address("A. L.", "12 n. main st.", "apt 4b", "SPRINGFIELD", "62 701", "il", "us")))
                .isEqualTo(AddressKey.of(HOME));
        assertThat(AddressKey.of(address("Bob", "12 North Main St #4B", null, "Springfield", "62701", "IL", "US")))
                .isEqualTo(AddressKey.of(HOME));
        assertThat(AddressKey.of(address("Ada", "12 North Main Street, Unit 4B", "", "Springfield", "62701", "IL",
                "US"))).isEqualTo(AddressKey.of(HOME));
        assertThat(AddressKey.of(address("Zoë", "Hauptstraße 5", null, "München", "80331", null, "DE")))
                .isEqualTo(AddressKey.of(address("Zoe", "HAUPTSTRASSE 5", null, "Munchen", "80331", null, "DE")));
    }

    @Test
    void anotherDoorHasAnotherKey() {
        assertThat(AddressKey.of(address("Ada", "12 North Main Street", "Apartment 5B", "Springfield", "62701", "IL",
                "US"))).isNotEqualTo(AddressKey.of(HOME));
        assertThat(AddressKey.of(address("Ada", "12 South Main Street", "Apartment 4B", "Springfield", "62701", "IL",
                "US"))).isNotEqualTo(AddressKey.of(HOME));
        assertThat(AddressKey.of(address("Ada", "12 North Main Street", "Apartment 4B", "Springfield", "62702", "IL",
                "US"))).isNotEqualTo(AddressKey.of(HOME));
    }

    @Test
    void theKeyIsAHashNotTheAddress() {
        assertThat(AddressKey.of(HOME)).matches("[0-9a-f]{64}").doesNotContainIgnoringCase("main");
    }
}
