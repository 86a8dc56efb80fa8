package storefront.sellers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import storefront.sellers.SellerApi.Kind;
import storefront.sellers.SellerApi.Reason;
import storefront.sellers.SellerApi.SellerSummary;
import storefront.sellers.SellerApi.Status;
import storefront.sellers.SellerApi.Verdict;
import storefront.sellers.SellerApi.Verification;
import storefront.sellers.SellerChecks.DomainEntry;

/** How domains are read and matched, and the verdicts, without a database. */
class SellerChecksTest {

    static final List<String> BRANDS = List.of("xiaomi", "redmi", "poco", "mi");
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    static SellerSummary seller(Kind kind, Status status, String since, String until) {
        return new SellerSummary("s", "Some Seller", kind, List.of("IN"), Instant.parse(since),
                until == null ? null : Instant.parse(until), status);
    }

    @Test
    void domainsAreComparedWithoutCaseWwwPortPathOrTrailingDot() {
        for (String given : List.of("shop.example.com", "SHOP.Example.COM", "www.shop.example.com",
                "https://www.shop.example.com:443/deals?x=1", "http://user@shop.example.com", "shop.example.com.",
                "  shop.example.com/path  ", "shop.example.com:8080")) {
            assertThat(SellerChecks.normalizeDomain(given)).as(given).isEqualTo("shop.example.com");
        }
        assertThat(SellerChecks.normalizeDomain("www.mi.com")).isEqualTo("mi.com");
        assertThat(SellerChecks.normalizeDomain("www.www.mi.com")).as("one www. only").isEqualTo("www.mi.com");
        assertThat(SellerChecks.normalizeDomain("bücher.de")).as("IDNA").isEqualTo("xn--bcher-kva.de");
    }

    @Test
    void whatIsNotADomainIsRefused() {
        for (String given : List.of("", "localhost", "not a domain", "-bad-.com", "a..com", "192.168.1.1",
                "https://", "mi_store.com", "x".repeat(64) + ".com")) {
            assertThatThrownBy(() -> SellerChecks.normalizeDomain(given)).as(given)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void candidatesAreTheDomainAndItsParents() {
        assertThat(SellerChecks.candidates("a.b.example.co.in"))
                .containsExactly("a.b.example.co.in", "b.example.co.in", "example.co.in", "co.in");
        assertThat(SellerChecks.candidates("mi.com")).containsExactly("mi.com");
    }

    @Test
    void anEntryCoversSubdomainsOnlyWhenItSaysSo() {
        SellerSummary official = seller(Kind.OFFICIAL, Status.AUTHORIZED, "2010-01-01T00:00:00Z", null);
        Verification covered = SellerChecks.decide("store.mi.com",
                List.of(new DomainEntry("mi.com", true, official)), BRANDS, NOW);
        assertThat(covered.verdict()).isEqualTo(Verdict.OFFICIAL);
        assertThat(covered.matchedDomain()).isEqualTo("mi.com");

        SellerSummary reseller = seller(Kind.AUTHORIZED, Status.AUTHORIZED, "2024-01-01T00:00:00Z", null);
        Verification notCovered = SellerChecks.decide("evil.shop.example",
                List.of(new DomainEntry("shop.example", false, reseller)), BRANDS, NOW);
        assertThat(notCovered.verdict()).isEqualTo(Verdict.NOT_AUTHORIZED);
        assertThat(notCovered.reason()).isEqualTo(Reason.SUBDOMAIN_NOT_COVERED);
        assertThat(notCovered.seller()).isNull();

        Verification exact = SellerChecks.decide("shop.example",
                List.of(new DomainEntry("shop.example", false, reseller)), BRANDS, NOW);
        assertThat(exact.verdict()).isEqualTo(Verdict.AUTHORIZED);
        assertThat(exact.seller().regions()).containsExactly("IN");
    }

    @Test
    void theMostSpecificCoveringEntryWins() {
        SellerSummary official = seller(Kind.OFFICIAL, Status.AUTHORIZED, "2010-01-01T00:00:00Z", null);
        SellerSummary revoked = seller(Kind.AUTHORIZED, Status.REVOKED, "2020-01-01T00:00:00Z", null);
        Verification answer = SellerChecks.decide("a.partner.mi.com", List.of(
                new DomainEntry("mi.com", true, official), new DomainEntry("partner.mi.com", true, revoked)),
                BRANDS, NOW);
        assertThat(answer.reason()).isEqualTo(Reason.REVOKED);
        assertThat(answer.matchedDomain()).isEqualTo("partner.mi.com");
    }

    @Test
    void statusAndValidityDecideBeforeKind() {
        String domain = "shop.example";
        assertThat(reason(domain, seller(Kind.AUTHORIZED, Status.SUSPENDED, "2024-01-01T00:00:00Z", null)))
                .isEqualTo(Reason.SUSPENDED);
        assertThat(reason(domain, seller(Kind.OFFICIAL, Status.REVOKED, "2024-01-01T00:00:00Z", null)))
                .isEqualTo(Reason.REVOKED);
        assertThat(reason(domain, seller(Kind.AUTHORIZED, Status.AUTHORIZED, "2024-01-01T00:00:00Z",
                "2026-11-22T12:00:00Z"))).as("ends at until").isEqualTo(Reason.EXPIRED);
        assertThat(reason(domain, seller(Kind.AUTHORIZED, Status.AUTHORIZED, "2026-11-22T12:00:01Z", null)))
                .isEqualTo(Reason.NOT_YET_AUTHORIZED);
        assertThat(reason(domain, seller(Kind.AUTHORIZED, Status.AUTHORIZED, "2026-11-22T12:00:00Z",
                "2026-11-22T12:00:01Z"))).as("valid from since").isNull();
    }

    private static Reason reason(String domain, SellerSummary seller) {
        return SellerChecks.decide(domain, List.of(new DomainEntry(domain, false, seller)), BRANDS, NOW).reason();
    }

    @Test
    void unregisteredDomainsCarryingABrandNameAreLookAlikes() {
        for (String domain : List.of("xiaomi-official-store.com", "mi-store.in", "mi.co", "redmi-deals.shop",
                "xiaomistore.net", "x1aomi.com", "xiaom1-india.in", "mi.com.deals.example", "poco-f6.in",
                "xn--xaomi-n2e.com" /* xіaomi.com with a Cyrillic і */)) {
            Verification answer = SellerChecks.decide(domain, List.of(), BRANDS, NOW);
            assertThat(answer.reason()).as(domain).isEqualTo(Reason.LOOK_ALIKE);
            assertThat(answer.hint()).as(domain).contains("not a proof");
        }
        for (String domain : List.of("miami.com", "admin.example", "mistral.ai", "example.com", "pocket.com")) {
            assertThat(SellerChecks.decide(domain, List.of(), BRANDS, NOW).reason()).as(domain)
                    .isEqualTo(Reason.NOT_IN_REGISTRY);
        }
    }

    @Test
    void aStorefrontIsAuthorizedByItsSellerOnly() {
        SellerSummary reseller = seller(Kind.AUTHORIZED, Status.AUTHORIZED, "2024-01-01T00:00:00Z", null);
        assertThat(SellerChecks.decideStorefront("amazon.in", "A1", Optional.of(reseller), NOW).verdict())
                .isEqualTo(Verdict.AUTHORIZED);
        Verification unknown = SellerChecks.decideStorefront("amazon.in", "A2", Optional.empty(), NOW);
        assertThat(unknown.verdict()).isEqualTo(Verdict.NOT_AUTHORIZED);
        assertThat(unknown.reason()).isEqualTo(Reason.NOT_IN_REGISTRY);
        assertThat(unknown.storeId()).isEqualTo("A2");
    }
}
