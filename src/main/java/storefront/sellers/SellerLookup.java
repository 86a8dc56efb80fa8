package storefront.sellers;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import storefront.common.SqlTime;
import storefront.sellers.SellerApi.Kind;
import storefront.sellers.SellerApi.SellerSummary;
import storefront.sellers.SellerApi.Status;
import storefront.sellers.SellerChecks.DomainEntry;

/**
 * The registry as shoppers' verification reads it: one indexed statement per
 * answer on the reactive pool, no session (a shopper hot path).
 */
@Singleton
class SellerLookup {

    private static final String SELLER = """
            s.id, s.name, s.kind, s.regions, s.authorized_since, s.authorized_until, s.status""";

    private final Pool pool;

    SellerLookup(Pool pool) {
        this.pool = pool;
    }

    /** The registry entries for any of these domains. */
    Uni<List<DomainEntry>> domains(List<String> candidates) {
        return pool.preparedQuery("select d.domain, d.include_subdomains, " + SELLER
                        + " from seller_domain d join seller s on s.id = d.seller_id where d.domain = any($1)")
                .execute(Tuple.of(candidates.toArray(String[]::new)))
                .map(rows -> {
                    List<DomainEntry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(new DomainEntry(row.getString("domain"),
                            row.getBoolean("include_subdomains"), summary(row))));
                    return entries;
                });
    }

    Uni<Optional<SellerSummary>> storefront(String marketplace, String storeId) {
        return pool.preparedQuery("select " + SELLER + " from seller_storefront f join seller s on s.id = f.seller_id"
                        + " where f.marketplace = $1 and f.store_id = $2")
                .execute(Tuple.of(marketplace, storeId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(summary(rows.iterator().next())));
    }

    private static SellerSummary summary(Row row) {
        return new SellerSummary(row.getString("id"), row.getString("name"), Kind.valueOf(row.getString("kind")),
                List.of(row.getArrayOfStrings("regions")), SqlTime.instant(row.getOffsetDateTime("authorized_since")),
                SqlTime.instant(row.getOffsetDateTime("authorized_until")), Status.valueOf(row.getString("status")));
    }
}
