package storefront.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import storefront.availability.Reason;
import storefront.common.Money;
import storefront.inventory.StockApi.StockState;

/** What the catalog API returns. Entities and rows never leave the service. */
final class CatalogApi {

    private CatalogApi() {
    }

    @Schema(name = "PriceRange", description = "Lowest and highest SKU price in the region's currency.")
    record PriceRange(Money min, Money max) {
    }

    @Schema(name = "Image", description = "A picture on the brand's image CDN: load it from there; its size lets "
            + "a page reserve the space before it arrives.")
    record Image(
            @Schema(examples = "https://i01.appmifile.com/storefront/mi-band-8/hero.jpg") String url,
            @Schema(description = "Pixels.", examples = "1600") int width,
            @Schema(description = "Pixels.", examples = "1600") int height,
            @Schema(description = "Alt text in the response's Content-Language (or the nearest available).",
                    examples = "Mi Band 8 in Graphite Black") String alt,
            @Schema(nullable = true, description = "The SKU it shows; null for the product as a whole.",
                    examples = "MI-BAND-8-BLACK") String sku) {

        static Image of(StoredProduct.Picture picture, String locale, String defaultLocale) {
            return picture == null ? null : new Image(picture.url(), picture.width(), picture.height(),
                    picture.altIn(locale, defaultLocale), picture.sku());
        }
    }

    @Schema(name = "Sku", description = "A variant of a product, priced in the region.")
    record SkuView(
            @Schema(description = "SKU code.", examples = "MI-BAND-8-BLACK") String code,
            @Schema(description = "Variant options such as colour or capacity.", examples = "{\"colour\": \"Black\"}")
            Map<String, String> options,
            @Schema(description = "Price in the region.") Money price,
            @Schema(description = "Whether it can be bought now; an out-of-stock SKU stays listed. No counts are "
                    + "shown.") StockState stock,
            @Schema(nullable = true, description = "The SKU's own first picture (its colour, say); null when it has "
                    + "none.") Image image) {
    }

    @Schema(name = "ProductSummary", description = "A product as a listing shows it.")
    record ProductSummary(
            @Schema(description = "Stable URL key of the product.", examples = "mi-band-8") String slug,
            @Schema(description = "Name in the response's Content-Language (or the nearest available).",
                    examples = "Mi Band 8") String name,
            @Schema(description = "Category code.", examples = "WEARABLE") String category,
            PriceRange priceRange,
            @Schema(description = "The SKUs sold in the region.") List<SkuView> skus,
            @Schema(nullable = true, description = "The product's main picture; null when it has none.")
            Image image) {
    }

    @Schema(name = "ProductPage", description = "One page of products; follow nextCursor for the next.")
    record ProductPage(
            List<ProductSummary> items,
            @Schema(description = "Cursor of the next page; null on the last page.", nullable = true)
            String nextCursor,
            @Schema(nullable = true, description = "With facets=true: what every product of the filter (not only "
                    + "this page) adds up to; null otherwise.") Facets facets) {
    }

    @Schema(name = "ListingFacets", description = "Counts of the products the current filter allows and shoppers "
            + "of the region can buy, by what a further filter could narrow.")
    record Facets(
            @Schema(description = "Products the filter allows.") int total,
            List<FacetCount> categories,
            @Schema(nullable = true, description = "The lowest and highest SKU price among them; null when none.")
            PriceRange price,
            @Schema(description = "Of them, products with a SKU in stock.") int inStock,
            List<OptionFacet> options,
            List<SpecificationFacet> specifications) {
    }

    @Schema(name = "FacetCount")
    record FacetCount(@Schema(examples = "AUDIO") String code, int count) {
    }

    @Schema(name = "OptionFacet")
    record OptionFacet(@Schema(examples = "colour") String code, @Schema(examples = "Farbe") String label,
                       @Schema(description = "Most products first.") List<FacetValue> values) {
    }

    @Schema(name = "FacetValue")
    record FacetValue(
            @Schema(description = "What to pass after the code in option= or spec=.", examples = "Black") String value,
            @Schema(description = "For reading, in the response's language.", examples = "Schwarz") String label,
            @Schema(description = "Products with it.") int count) {
    }

    @Schema(name = "SpecificationFacet", description = "A BOOLEAN or LIST specification with its values' counts, or "
            + "a NUMBER with the range its products span (filter with spec=code:min..max).")
    record SpecificationFacet(
            @Schema(examples = "capacity") String code,
            @Schema(examples = "Kapazität") String label,
            @Schema(examples = "NUMBER") String type,
            @Schema(description = "Products having it.") int count,
            @Schema(description = "BOOLEAN and LIST: each value; empty for a NUMBER.") List<FacetValue> values,
            @Schema(nullable = true) java.math.BigDecimal min,
            @Schema(nullable = true) java.math.BigDecimal max,
            @Schema(nullable = true) String unit) {
    }

    @Schema(name = "ProductDetail", description = "A product available in the region, with its SKUs and prices.")
    record ProductDetail(
            @Schema(examples = "mi-band-8") String slug,
            @Schema(examples = "Mi Band 8") String name,
            String description,
            @Schema(examples = "WEARABLE") String category,
            @Schema(description = "Certifications the product holds.", examples = "[\"CE\", \"FCC\"]")
            List<String> certifications,
            PriceRange priceRange,
            List<SkuView> skus,
            @Schema(description = "Every picture in display order: the product's, then each SKU's (`sku` says "
                    + "which); only those of SKUs sold in the region.") List<Image> media,
            @Schema(description = "What to draw the selectors with: each option type the SKUs vary by, with the "
                    + "values some SKU sold in the region has. A SKU's `options` maps each option's code to one "
                    + "value's code, so a selection of values names one SKU of `skus`, or none (that combination "
                    + "does not exist here).") List<OptionSelector> options,
            @Schema(description = "The specification table: groups in display order, each with its rows (of the "
                    + "product, or of one SKU sold here: `sku` says which).") List<SpecTableGroup> specifications) {
    }

    @Schema(name = "SpecificationGroup")
    record SpecTableGroup(@Schema(examples = "battery") String code, @Schema(examples = "Akku") String label,
                          List<SpecRow> rows) {
    }

    @Schema(name = "Specification", description = "One attribute: `value` is written for reading in the "
            + "response's language; the typed member of its `type` carries it for filtering and comparing, the "
            + "others are null.")
    record SpecRow(
            @Schema(examples = "capacity") String code,
            @Schema(examples = "Kapazität") String label,
            @Schema(nullable = true, description = "The SKU it describes; null for the whole product.") String sku,
            @Schema(description = "NUMBER, BOOLEAN, TEXT or LIST.", examples = "NUMBER") String type,
            @Schema(examples = "20.000 mAh") String value,
            @Schema(nullable = true, examples = "20000") java.math.BigDecimal number,
            @Schema(nullable = true, examples = "mAh") String unit,
            @Schema(nullable = true) Boolean flag,
            @Schema(nullable = true, description = "A TEXT in the response's language.") String text,
            @Schema(nullable = true) List<String> items) {
    }

    @Schema(name = "OptionSelector", description = "An option type (colour, capacity) and its values.")
    record OptionSelector(
            @Schema(description = "The key in a SKU's options.", examples = "colour") String code,
            @Schema(description = "In the response's Content-Language (or the nearest available).",
                    examples = "Farbe") String label,
            List<OptionChoice> values) {
    }

    @Schema(name = "OptionChoice")
    record OptionChoice(
            @Schema(description = "The value in a SKU's options.", examples = "Graphite Black") String code,
            @Schema(examples = "Graphitschwarz") String label,
            @Schema(description = "Whether some SKU with this value is in stock here.") boolean available) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SkuAvailability", description = "Whether one SKU can be sold in the region, and why not; `price` "
            + "only where it has one.", extensions = @Extension(name = "x-omits-empty-members", value = "true", parseValue = true))
    record SkuAvailability(@Schema(required = true) String code, @Schema(required = true) boolean available,
                           Money price, @Schema(required = true) List<Reason> reasons) {
    }

    @Schema(name = "Availability", description = "The availability decision for a product in a region, per SKU.")
    record AvailabilityView(
            @Schema(examples = "US") String region,
            @Schema(examples = "mi-note-pro") String product,
            @Schema(description = "The instant the decision was made for.") Instant at,
            @Schema(description = "True when at least one SKU can be sold.") boolean available,
            @Schema(description = "Why the product cannot be sold (empty when available).") List<Reason> reasons,
            List<SkuAvailability> skus,
            @Schema(description = "Regions where the product is available now.", examples = "[\"CN\", \"IN\"]")
            List<String> availableIn) {
    }
}
