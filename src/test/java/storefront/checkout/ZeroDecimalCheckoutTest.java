package storefront.checkout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import storefront.Await;

/** A region that sells in yen: Stripe gets whole yen, and the webhook's whole yen pay the order. */
@QuarkusTest
class ZeroDecimalCheckoutTest {

    @Inject
    Pool pool;

    @BeforeEach
    void japan() {
        sql("""
                insert into region (code, name, currency, default_locale, supported_locales, tax_mode, tax_rate_bps,
                                    shipping_minor)
                values ('JP', 'Japan', 'JPY', 'en', array['en'], 'INCLUSIVE', 1000, 500);
                insert into region_country (country, region_code) values ('JP', 'JP');
                insert into region_category (region_code, category_code) values ('JP', 'AUDIO');
                insert into sku_price (sku_id, region_code, currency, amount_minor)
                select id, 'JP', 'JPY', 1234 from sku where code = 'MI-IEH-SILVER';
                insert into location_stock (location_id, sku_code, on_hand) values ('wh-jp', 'MI-IEH-SILVER', 10);
                insert into delivery_method (region_code, code, name, price_minor, min_days, max_days)
                values ('JP', 'STANDARD', 'Standard delivery', 500, 2, 4)""");
        // The change reaches the region cache through NOTIFY, within moments.
        Await.until("region JP visible", () -> given().get("/api/v1/regions/JP").statusCode() == 200);
    }

    @AfterEach
    void noJapan() {
        sql("""
                delete from payment_event where order_id in (select id from customer_order where region_code = 'JP');
                delete from order_line where order_id in (select id from customer_order where region_code = 'JP');
                delete from fulfilment_line where fulfilment_id in (select f.id from fulfilment f
                    join customer_order o on o.id = f.order_id where o.region_code = 'JP');
                delete from fulfilment where order_id in (select id from customer_order where region_code = 'JP');
                delete from customer_order where region_code = 'JP';
                delete from location_stock where location_id in (select id from stock_location where region_code = 'JP');
                delete from stock where region_code = 'JP';
                delete from cart where region_code = 'JP';
                delete from sku_price where region_code = 'JP';
                delete from region_category where region_code = 'JP';
                delete from region_country where region_code = 'JP';
                delete from delivery_method where region_code = 'JP';
                delete from product_availability where region_code = 'JP';
                delete from availability_region where region_code = 'JP';
                delete from region where code = 'JP'""");
    }

    @Test
    void yenAreSentToStripeAsWholeYen() {
        StripeMock.answerLikeStripe();
        JsonPath result = Shop.placeOrder("JP", Map.of("MI-IEH-SILVER", 3), "JP", null);
        // 3 x 1,234 + 500 shipping = 4,202 yen, 10 % consumption tax inside: 382 yen.
        assertThat(result.getLong("totals.total.amountMinor")).isEqualTo(4202);
        assertThat(result.getLong("totals.tax.amountMinor")).isEqualTo(382);
        assertThat(CheckoutTest.form(CheckoutTest.lastCreate())).contains("amount=4202", "currency=jpy");
        Shop.webhook(Shop.intentEvent("payment_intent.succeeded", result.getString("payment.paymentIntentId"),
                result.getString("orderId"), 4202, "jpy")).then().statusCode(200);
        assertThat(Shop.order(result).getString("status")).isEqualTo("PAID");
    }

    private void sql(String statements) {
        for (String statement : statements.split(";")) {
            pool.query(statement).execute().await().indefinitely();
        }
    }
}
