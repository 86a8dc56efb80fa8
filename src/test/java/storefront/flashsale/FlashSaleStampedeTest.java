package storefront.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import storefront.Tokens;
import storefront.inventory.TestSkus;

/**
 * The stampede: units on sale, concurrent clients, and five claims from each
 * of four times as many customers as units (two of the tries with the same
 * key, as a retrying client sends) where every two customers share a delivery
 * address, written two ways. Exactly the units on sale are granted, nobody
 * holds more than the limit per account or per address, and the database
 * reconciles afterwards. The suite runs it with 250 units and 100 clients (5,000
 * claims); {@code bench/stampede.sh} runs the same test at 1,000 units, 200
 * clients and 20,000 claims.
 */
@QuarkusTest
class FlashSaleStampedeTest {

    private static final int UNITS = Integer.getInteger("stampede.units", 250);
    private static final int CUSTOMERS = 4 * UNITS;
    private static final int TRIES = 5;
    private static final int CLIENTS = Integer.getInteger("stampede.clients", 100);

    @Inject
    Pool pool;

    record Attempt(int customer, String token, String key, String body) {
    }

    @Test
    void exactlyTheUnitsOnSaleAreGrantedAndEveryLimitHolds() throws Exception {
        String sku = TestSkus.create(pool, "CN", 9900, 2 * UNITS);
        String sale = FlashSales.live(sku, "CN", UNITS, 1);
        ObjectMapper json = new ObjectMapper();

        List<Attempt> attempts = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            String token = Tokens.shopper("stampede-" + sale + "-" + c);
            Map<String, Object> address = (c % 2 == 0 ? FlashSales.home() : FlashSales.homeWrittenDifferently());
            address = new java.util.LinkedHashMap<>(address);
            address.put("line1", (c / 2) + " Main Street" + (c % 2 == 0 ? "" : "."));
            String body = json.writeValueAsString(Map.of("shippingAddress", address));
            for (int t = 0; t < TRIES; t++) {
                attempts.add(new Attempt(c, token, "try-" + Math.max(t, 1), body));
            }
        }
        Collections.shuffle(attempts, new Random(42));
        ConcurrentLinkedQueue<Attempt> queue = new ConcurrentLinkedQueue<>(attempts);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/api/v1/flash-sales/" + sale + "/claims");
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        Map<Integer, Set<String>> tokensByCustomer = new ConcurrentHashMap<>();
        Set<String> granted = ConcurrentHashMap.newKeySet();
        AtomicInteger firstGrants = new AtomicInteger();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                Attempt a;
                while ((a = queue.poll()) != null) {
                    HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + a.token())
                            .header("Content-Type", "application/json").header("Idempotency-Key", a.key())
                            .POST(HttpRequest.BodyPublishers.ofString(a.body())).build();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    JsonNode answer = json.readTree(response.body());
                    String outcome = response.statusCode() + " " + (response.statusCode() == 201
                            ? answer.path("status").asText() : answer.path("code").asText());
                    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    if (response.statusCode() == 201) {
                        String claim = answer.path("claimToken").asText();
                        granted.add(claim);
                        tokensByCustomer.computeIfAbsent(a.customer(), k -> ConcurrentHashMap.newKeySet()).add(claim);
                        if (response.headers().firstValue("Idempotent-Replayed").isEmpty()) {
                            firstGrants.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();

        assertThat(outcomes.keySet()).as("every answer is a grant or a refusal: %s", outcomes)
                .isSubsetOf("201 GRANTED", "409 SOLD_OUT", "409 LIMIT_REACHED");
        assertThat(outcomes.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(CUSTOMERS * TRIES);
        assertThat(granted).as("units granted").hasSize(UNITS);
        assertThat(firstGrants.get()).as("grants that are not replays").isEqualTo(UNITS);
        assertThat(outcomes.get("409 SOLD_OUT")).as("sold-out answers once gone").isNotNull();
        tokensByCustomer.forEach((customer, tokens) -> assertThat(tokens).as("customer %d", customer).hasSize(1));
        // Every two customers share an address: at most one of each pair holds a unit.
        for (int pair = 0; pair < CUSTOMERS / 2; pair++) {
            int holders = (tokensByCustomer.containsKey(2 * pair) ? 1 : 0)
                    + (tokensByCustomer.containsKey(2 * pair + 1) ? 1 : 0);
            assertThat(holders).as("address %d", pair).isLessThanOrEqualTo(1);
        }

        Row db = TestSkus.one(pool, """
                select (select sum(remaining) from flash_sale_shard where sale_id = $1::uuid) as remaining,
                       (select count(*) from flash_claim where sale_id = $1::uuid and status = 'GRANTED') as claims,
                       (select sum(held) from flash_sale_buyer where sale_id = $1::uuid and buyer_key like 'account:%')
                           as accounts,
                       (select sum(held) from flash_sale_buyer where sale_id = $1::uuid and buyer_key like 'address:%')
                           as addresses,
                       (select count(*) from flash_sale_buyer where sale_id = $1::uuid and held > 1) as over_limit,
                       (select count(distinct shard) from flash_claim where sale_id = $1::uuid) as shards_used""",
                sale);
        assertThat(db.getLong("remaining")).isZero();
        assertThat(db.getLong("claims")).isEqualTo(UNITS);
        assertThat(db.getLong("accounts")).isEqualTo(UNITS);
        assertThat(db.getLong("addresses")).isEqualTo(UNITS);
        assertThat(db.getLong("over_limit")).isZero();
        assertThat(db.getLong("shards_used")).as("claims spread over the shards").isGreaterThan(1);
        assertThat(TestSkus.stock(pool, sku, "CN")).as("the sale's units stay set aside").containsExactly(2 * UNITS,
                UNITS);
    }
}
