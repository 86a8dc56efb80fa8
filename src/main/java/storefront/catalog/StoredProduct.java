package storefront.catalog;

import java.util.List;
import java.util.Map;
import storefront.availability.Listing;
import storefront.availability.ProductFacts;
import storefront.inventory.StockApi.StockState;

/** Everything about one product that detail and availability answers need, in every region. */
public record StoredProduct(long id, ProductFacts facts, String retiredReason, List<Text> texts,
                            List<StoredSku> skus, Map<String, Listing> listings, List<Picture> media) {

    /** A picture of the product ({@code sku} null) or of one SKU, with its alt text per locale. */
    public record Picture(String sku, String url, int width, int height, Map<String, String> alt) {

        /** The alt text as the texts are chosen: the requested locale, the region's default, English, then any. */
        public String altIn(String locale, String defaultLocale) {
            for (String tag : new String[] {locale, defaultLocale, "en"}) {
                if (alt.containsKey(tag)) {
                    return alt.get(tag);
                }
            }
            return alt.isEmpty() ? "" : new java.util.TreeMap<>(alt).firstEntry().getValue();
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
