package storefront.ops;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.annotations.ColumnTransformer;
import storefront.common.Money;
import storefront.ops.OpsApi.ProductInput;
import storefront.ops.OpsApi.ProductView;
import storefront.ops.OpsApi.SkuInput;
import storefront.ops.OpsApi.SkuView;
import storefront.ops.OpsApi.TextView;

/**
 * A product as ops maintain it: its category, certifications, localized texts
 * and SKUs (each with its prices per region), one aggregate. Its version is its
 * optimistic lock; it moves on with every change of the product or its SKUs.
 */
@Entity
@Table(name = "product")
class Product {

    /** A product's name and description in one locale (a row of product_text). */
    @Embeddable
    record LocalizedText(String locale, String name, String description) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String slug;

    String categoryCode;

    @Version
    long version;

    Instant retiredAt;

    String retiredReason;

    @ElementCollection
    @CollectionTable(name = "product_certification", joinColumns = @JoinColumn(name = "product_id"))
    @Column(name = "certification_code")
    Set<String> certifications = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "product_text", joinColumns = @JoinColumn(name = "product_id"))
    Set<LocalizedText> texts = new HashSet<>();

    /** Replaced whole, never changed in place. */
    @Convert(converter = OptionTypes.class)
    @ColumnTransformer(read = "options::text", write = "cast(cast(? as text) as jsonb)")
    List<OptionTypes.Option> options = List.of();

    /** Replaced whole, never changed in place. */
    @Convert(converter = Specifications.Groups.class)
    @ColumnTransformer(read = "spec_groups::text", write = "cast(cast(? as text) as jsonb)")
    List<Specifications.Group> specGroups = List.of();

    /** Replaced whole, never changed in place. */
    @Convert(converter = Specifications.Attributes.class)
    @ColumnTransformer(read = "specifications::text", write = "cast(cast(? as text) as jsonb)")
    List<Specifications.Attribute> specifications = List.of();

    /** Replaced whole, never changed in place. */
    @Convert(converter = MediaItems.class)
    @ColumnTransformer(read = "media::text", write = "cast(cast(? as text) as jsonb)")
    List<MediaItems.Item> media = List.of();

    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    Set<Sku> skus = new LinkedHashSet<>();

    /**
     * Takes the content of {@code input} (already checked): category,
     * certifications, texts, and SKUs matched by code, those left out removed
     * with their prices, the others in the order given.
     */
    void assign(ProductInput input) {
        categoryCode = input.category();
        Set<String> wantedCertifications = new HashSet<>(input.certifications() == null ? List.of()
                : input.certifications());
        certifications.retainAll(wantedCertifications);
        certifications.addAll(wantedCertifications);
        Set<LocalizedText> wantedTexts = new HashSet<>();
        input.texts().forEach(t -> wantedTexts.add(new LocalizedText(t.locale(), t.name(),
                t.description() == null ? "" : t.description())));
        texts.retainAll(wantedTexts);
        texts.addAll(wantedTexts);
        List<String> codes = input.skus().stream().map(SkuInput::code).toList();
        skus.removeIf(sku -> !codes.contains(sku.code));
        for (int position = 0; position < input.skus().size(); position++) {
            SkuInput given = input.skus().get(position);
            Sku sku = skus.stream().filter(s -> s.code.equals(given.code())).findFirst().orElse(null);
            if (sku == null) {
                sku = new Sku();
                sku.code = given.code();
                sku.product = this;
                skus.add(sku);
            }
            sku.options = given.options() == null ? Map.of() : Map.copyOf(given.options());
            sku.position = position;
        }
        options = input.options() == null ? List.of() : input.options().stream().map(o -> new OptionTypes.Option(
                o.code(), new TreeMap<>(o.labels()), o.values().stream().map(v -> new OptionTypes.Value(v.code().strip(),
                        new TreeMap<>(v.labels()))).toList())).toList();
        specGroups = input.specificationGroups() == null ? List.of() : input.specificationGroups().stream()
                .map(g -> new Specifications.Group(g.code(), new TreeMap<>(g.labels()))).toList();
        specifications = input.specifications() == null ? List.of() : input.specifications().stream()
                .map(a -> new Specifications.Attribute(a.code(), a.group(), a.sku(), new TreeMap<>(a.labels()),
                        a.type().name(), a.number(), a.unit(),
                        a.flag(), a.text() == null ? null : new TreeMap<>(a.text()),
                        a.items() == null ? null : List.copyOf(a.items()))).toList();
        media = input.media() == null ? List.of() : input.media().stream().map(m -> new MediaItems.Item(m.sku(),
                m.url().strip(), m.width(), m.height(), new TreeMap<>(m.alt()))).toList();
    }

    /** Makes the prices in {@code region} exactly {@code prices} (SKU code to minor units). */
    void setPrices(String region, String currency, Map<String, Long> prices) {
        for (Sku sku : skus) {
            sku.prices.removeIf(price -> price.region().equals(region));
            Long amount = prices.get(sku.code);
            if (amount != null) {
                sku.prices.add(new Sku.Price(region, currency, amount));
            }
        }
    }

    ProductView view() {
        List<SkuView> skuViews = skus.stream().sorted(Comparator.comparingInt((Sku s) -> s.position)
                .thenComparing(s -> s.code)).map(sku -> {
                    Map<String, Money> byRegion = new TreeMap<>();
                    sku.prices.forEach(p -> byRegion.put(p.region(), new Money(p.amountMinor(), p.currency())));
                    return new SkuView(sku.code, new TreeMap<>(sku.options), byRegion);
                }).toList();
        return new ProductView(slug, categoryCode, certifications.stream().sorted().toList(),
                texts.stream().sorted(Comparator.comparing(LocalizedText::locale))
                        .map(t -> new TextView(t.locale(), t.name(), t.description())).toList(),
                skuViews, options.stream().map(o -> new OpsApi.OptionView(o.code(), new TreeMap<>(o.labels()),
                        o.values().stream().map(v -> new OpsApi.OptionValueView(v.code(), new TreeMap<>(v.labels())))
                                .toList())).toList(),
                specGroups.stream().map(g -> new OpsApi.SpecGroupView(g.code(), new TreeMap<>(g.labels()))).toList(),
                specifications.stream().map(a -> new OpsApi.SpecView(a.code(), a.group(), a.sku(),
                        new TreeMap<>(a.labels()), OpsApi.SpecType.valueOf(a.type()), a.number(), a.unit(), a.flag(),
                        a.text() == null ? null : new TreeMap<>(a.text()), a.items())).toList(),
                media.stream().map(m -> new OpsApi.MediaView(m.sku(), m.url(), m.width(), m.height(),
                        new TreeMap<>(m.alt()))).toList(), retiredAt != null, retiredReason);
    }
}
