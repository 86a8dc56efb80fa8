package storefront.ops;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;

/** A SKU of a product, owned by it, with its prices per region. */
@Entity
@Table(name = "sku")
class Sku {

    /** A price in one region, in that region's currency (a row of sku_price). */
    @Embeddable
    record Price(@Column(name = "region_code") String region, String currency, long amountMinor) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String code;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    Product product;

    /** Replaced whole, never changed in place: Hibernate need not copy it to see whether it changed. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    Map<String, String> options = Map.of();

    int position;

    @ElementCollection
    @CollectionTable(name = "sku_price", joinColumns = @JoinColumn(name = "sku_id"))
    Set<Price> prices = new HashSet<>();
}
