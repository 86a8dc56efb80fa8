package storefront.sellers;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import storefront.common.Json;
import storefront.common.RowLocks;
import storefront.common.SqlTime;
import storefront.sellers.SellerApi.Domain;
import storefront.sellers.SellerApi.Kind;
import storefront.sellers.SellerApi.SellerSummary;
import storefront.sellers.SellerApi.SellerView;
import storefront.sellers.SellerApi.Status;
import storefront.sellers.SellerApi.Storefront;
import storefront.sellers.SellerChecks.DomainEntry;

/** The seller registry in SQL. */
@Singleton
class SellerRepository {

    private static final String SELLER = """
            s.id, s.name, s.kind, s.regions, s.authorized_since, s.authorized_until, s.status""";

    private static final String VIEW = "select " + SELLER + """
            ,
                   coalesce((select json_agg(json_build_object('domain', d.domain,
                                                               'includeSubdomains', d.include_subdomains)
                                             order by d.domain)
                             from seller_domain d where d.seller_id = s.id), '[]')::text as domains,
                   coalesce((select json_agg(json_build_object('marketplace', f.marketplace, 'storeId', f.store_id)
                                             order by f.marketplace, f.store_id)
                             from seller_storefront f where f.seller_id = s.id), '[]')::text as storefronts
            from seller s""";

    private final Pool pool;
    private final Json json;

    SellerRepository(Pool pool, Json json) {
        this.pool = pool;
        this.json = json;
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

    Uni<List<SellerView>> list(SqlClient client, String id, boolean lock) {
        Uni<Boolean> locked = lock ? RowLocks.lock(client,
                "select 1 from seller s where ($1::text is null or s.id = $1) order by s.id for update", Tuple.of(id))
                : Uni.createFrom().item(true);
        return locked.flatMap(ignored -> client.preparedQuery(VIEW + " where ($1::text is null or s.id = $1) order by s.id")
                .execute(Tuple.of(id)))
                .map(rows -> {
                    List<SellerView> sellers = new ArrayList<>();
                    rows.forEach(row -> sellers.add(view(row)));
                    return sellers;
                });
    }

    Uni<List<SellerView>> list(String id) {
        return list(pool, id, false);
    }

    /** Domains and storefronts among these that another seller holds, as "what: seller". */
    Uni<List<String>> takenByOthers(SqlClient tx, String id, List<String> domains, List<Storefront> storefronts) {
        return tx.preparedQuery("""
                        select 'domain ' || domain || ': ' || seller_id as taken from seller_domain
                        where domain = any($2) and seller_id <> $1
                        union all
                        select 'storefront ' || marketplace || '/' || store_id || ': ' || seller_id from seller_storefront
                        where (marketplace, store_id) in (select * from unnest($3::text[], $4::text[]))
                          and seller_id <> $1
                        order by 1""")
                .execute(Tuple.of(id, domains.toArray(String[]::new),
                        storefronts.stream().map(Storefront::marketplace).toArray(String[]::new),
                        storefronts.stream().map(Storefront::storeId).toArray(String[]::new)))
                .map(rows -> {
                    List<String> taken = new ArrayList<>();
                    rows.forEach(row -> taken.add(row.getString("taken")));
                    return taken;
                });
    }

    /** Creates or replaces the seller with its domains and storefronts. */
    Uni<Void> put(SqlClient tx, SellerView seller) {
        Tuple row = Tuple.tuple()
                .addString(seller.id())
                .addString(seller.name())
                .addString(seller.kind().name())
                .addArrayOfString(seller.regions().toArray(String[]::new))
                .addOffsetDateTime(SqlTime.utc(seller.authorizedSince()))
                .addOffsetDateTime(SqlTime.utc(seller.authorizedUntil()))
                .addString(seller.status().name());
        return tx.preparedQuery("""
                        insert into seller (id, name, kind, regions, authorized_since, authorized_until, status)
                        values ($1, $2, $3, $4, $5, $6, $7)
                        on conflict (id) do update set name = excluded.name, kind = excluded.kind,
                            regions = excluded.regions, authorized_since = excluded.authorized_since,
                            authorized_until = excluded.authorized_until, status = excluded.status,
                            updated_at = now()""")
                .execute(row)
                .flatMap(x -> tx.preparedQuery("delete from seller_domain where seller_id = $1")
                        .execute(Tuple.of(seller.id())))
                .flatMap(x -> tx.preparedQuery("delete from seller_storefront where seller_id = $1")
                        .execute(Tuple.of(seller.id())))
                .flatMap(x -> tx.preparedQuery("""
                                insert into seller_domain (domain, seller_id, include_subdomains)
                                select d, $1, s from unnest($2::text[], $3::boolean[]) as t(d, s)""")
                        .execute(Tuple.of(seller.id(),
                                seller.domains().stream().map(Domain::domain).toArray(String[]::new),
                                seller.domains().stream().map(Domain::includeSubdomains).toArray(Boolean[]::new))))
                .flatMap(x -> tx.preparedQuery("""
                                insert into seller_storefront (marketplace, store_id, seller_id)
                                select m, s, $1 from unnest($2::text[], $3::text[]) as t(m, s)""")
                        .execute(Tuple.of(seller.id(),
                                seller.storefronts().stream().map(Storefront::marketplace).toArray(String[]::new),
                                seller.storefronts().stream().map(Storefront::storeId).toArray(String[]::new))))
                .replaceWithVoid();
    }

    private SellerView view(Row row) {
        SellerSummary s = summary(row);
        return new SellerView(s.id(), s.name(), s.kind(), s.regions(), s.authorizedSince(), s.authorizedUntil(),
                s.status(), List.of(json.read(row.getString("domains"), Domain[].class)),
                List.of(json.read(row.getString("storefronts"), Storefront[].class)));
    }

    private static SellerSummary summary(Row row) {
        return new SellerSummary(row.getString("id"), row.getString("name"), Kind.valueOf(row.getString("kind")),
                List.of(row.getArrayOfStrings("regions")), SqlTime.instant(row.getOffsetDateTime("authorized_since")),
                SqlTime.instant(row.getOffsetDateTime("authorized_until")), Status.valueOf(row.getString("status")));
    }
}
