package storefront.catalog;

import java.util.List;
import java.util.Map;
import storefront.availability.Listing;
import storefront.availability.ProductFacts;
import storefront.inventory.StockApi.StockState;

/** Everything about one product that detail and availability answers need, in every region. */
public record StoredProduct(long id, ProductFacts facts, String retiredReason, List<Text> texts,
                            List<StoredSku> skus, Map<String, Listing> listings, List<Picture> media,
                            List<OptionType> options, List<SpecGroup> specGroups, List<Spec> specs) {

    /** A group of the specification table. */
    public record SpecGroup(String code, Map<String, String> labels) {
    }

    /** One typed attribute of the product ({@code sku} null) or of one SKU. */
    public record Spec(String code, String group, String sku, Map<String, String> labels, String type,
                       java.math.BigDecimal number, String unit, Boolean flag, Map<String, String> text,
                       List<String> items) {
    }

    /** An option type the SKUs vary by, with labels per locale and its values in display order. */
    public record OptionType(String code, Map<String, String> labels, List<OptionValue> values) {
    }

    public record OptionValue(String code, Map<String, String> labels) {
    }

    /** A localized text as texts are chosen: the requested locale, the region's default, English, then any. */
    public static String pick(Map<String, String> texts, String locale, String defaultLocale, String otherwise) {
        for (String tag : new String[] {locale, defaultLocale, "en"}) {
            if (texts.containsKey(tag)) {
                return texts.get(tag);
            }
        }
        return texts.isEmpty() ? otherwise : new java.util.TreeMap<>(texts).firstEntry().getValue();
    }

    /** A picture of the product ({@code sku} null) or of one SKU, with its alt text per locale. */
    public record Picture(String sku, String url, int width, int height, Map<String, String> alt) {

        /** The alt text as the texts are chosen: the requested locale, the region's default, English, then any. */
        public String altIn(String locale, String defaultLocale) {
            return pick(alt, locale, defaultLocale, "");
        }
    }

    public Listing listingIn(String region) {
        return listings.getOrDefault(region, Listing.DEFAULT);
    }

    public record Text(String locale, String name, String description) {
    }

    public record StoredSku(String code, Map<String, String> options, Map<String, Long> pricesByRegion,
                            Map<String, StockState> stockByRegion) {

        /** What shoppers of the region see of its stock; no stock row means none. */
        public StockState stockIn(String region) {
            return stockByRegion.getOrDefault(region, StockState.OUT_OF_STOCK);
        }
    }
}
