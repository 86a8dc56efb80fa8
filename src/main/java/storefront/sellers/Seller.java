package storefront.sellers;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.UpdateTimestamp;
import storefront.sellers.SellerApi.Domain;
import storefront.sellers.SellerApi.Kind;
import storefront.sellers.SellerApi.SellerView;
import storefront.sellers.SellerApi.Status;
import storefront.sellers.SellerApi.Storefront;

/**
 * A seller of the registry with the domains and marketplace storefronts it
 * owns: one aggregate, written whole. Its version is its optimistic lock.
 */
@Entity
@Table(name = "seller")
class Seller {

    /** A domain the seller owns (a row of seller_domain). */
    @Embeddable
    record OwnedDomain(String domain, boolean includeSubdomains) {
    }

    /** A marketplace storefront the seller owns (a row of seller_storefront). */
    @Embeddable
    record OwnedStorefront(String marketplace, @Column(name = "store_id") String storeId) {
    }

    @Id
    String id;

    String name;

    @Enumerated(EnumType.STRING)
    Kind kind;

    String[] regions;

    Instant authorizedSince;

    Instant authorizedUntil;

    @Enumerated(EnumType.STRING)
    Status status;

    @Version
    long version;

    @UpdateTimestamp
    Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "seller_domain", joinColumns = @JoinColumn(name = "seller_id"))
    Set<OwnedDomain> domains = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "seller_storefront", joinColumns = @JoinColumn(name = "seller_id"))
    Set<OwnedStorefront> storefronts = new HashSet<>();

    /** Takes the state of {@code view} (already checked and normalized), children included. */
    void assign(SellerView view) {
        id = view.id();
        name = view.name();
        kind = view.kind();
        regions = view.regions().toArray(String[]::new);
        authorizedSince = view.authorizedSince();
        authorizedUntil = view.authorizedUntil();
        status = view.status();
        // Replaced in place, so that Hibernate writes only the rows that changed.
        domains.retainAll(view.domains().stream().map(d -> new OwnedDomain(d.domain(), d.includeSubdomains())).toList());
        view.domains().forEach(d -> domains.add(new OwnedDomain(d.domain(), d.includeSubdomains())));
        storefronts.retainAll(view.storefronts().stream().map(f -> new OwnedStorefront(f.marketplace(), f.storeId()))
                .toList());
        view.storefronts().forEach(f -> storefronts.add(new OwnedStorefront(f.marketplace(), f.storeId())));
    }

    /** The seller as the API shows it: children in a stable order. */
    SellerView view() {
        return new SellerView(id, name, kind, List.of(regions), authorizedSince, authorizedUntil, status,
                domains.stream().sorted(Comparator.comparing(OwnedDomain::domain))
                        .map(d -> new Domain(d.domain(), d.includeSubdomains())).toList(),
                storefronts.stream().sorted(Comparator.comparing(OwnedStorefront::marketplace)
                                .thenComparing(OwnedStorefront::storeId))
                        .map(f -> new Storefront(f.marketplace(), f.storeId())).toList());
    }
}
