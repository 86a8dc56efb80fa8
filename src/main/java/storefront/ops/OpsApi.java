package storefront.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import storefront.availability.Reason;
import storefront.common.Money;

/** Requests and responses of the ops API. */
final class OpsApi {

    private OpsApi() {
    }

    static final int MAX_REASON = 500;

    // ---- the state ops change, as read back (each carries an ETag) ----

    @Schema(name = "RegionStatus", description = "Whether a region sells at all.")
    record RegionStatus(String region, boolean open,
                        @Schema(nullable = true, description = "Why it is closed; null while open.") String closedReason) {
    }

    @Schema(name = "CategoryStatus", description = "Whether a region sells a category.")
    record CategoryStatus(String region, String category, boolean sold) {
    }

    @Schema(name = "ProductListing", description = "A product's standing in one region: listed or delisted, "
            + "and its sales window [availableFrom, availableUntil).")
    record ProductListing(String region, String product, boolean listed,
                          @Schema(nullable = true, description = "Why it is delisted; null while listed.")
                          String delistedReason,
                          @Schema(nullable = true, description = "Sales start (inclusive); null: no start.")
                          Instant availableFrom,
                          @Schema(nullable = true, description = "Sales end (exclusive); null: no end.")
                          Instant availableUntil) {
    }

    // ---- single changes ----

    @Schema(name = "RegionStatusChange")
    record RegionStatusInput(
            @NotNull @Schema(required = true, description = "true opens the region, false closes it.") Boolean open,
            @NotBlank @Size(max = MAX_REASON) @Schema(required = true, examples = "Payment provider outage") String reason) {
    }

    @Schema(name = "CategoryChange")
    record CategoryInput(
            @NotNull @Schema(required = true, description = "true sells the category in the region, false stops.") Boolean sold,
            @NotBlank @Size(max = MAX_REASON) @Schema(required = true) String reason) {
    }

    @Schema(name = "ListingChange")
    record ListingInput(
            @NotNull @Schema(required = true, description = "true lists the product in the region, false delists it.") Boolean listed,
            @NotBlank @Size(max = MAX_REASON) @Schema(required = true, description = "Shown to shoppers when delisting.",
                    examples = "Battery recall") String reason) {
    }

    @Schema(name = "LaunchWindowChange", description = "Both null clears the window.")
    record WindowInput(
            @Schema(description = "Sales start at this instant (inclusive).", examples = "2026-12-01T08:00:00Z") Instant availableFrom,
            @Schema(description = "Sales end at this instant (exclusive).") Instant availableUntil,
            @NotBlank @Size(max = MAX_REASON) @Schema(required = true) String reason) {
    }

    // ---- change sets ----

    @Schema(name = "ChangeType", description = "What a change does. OPEN_REGION, CLOSE_REGION: `region`. "
            + "SELL_CATEGORY, STOP_CATEGORY: `region`, `category`. LIST_PRODUCT, DELIST_PRODUCT, CLEAR_WINDOW: "
            + "`region`, `product`. SET_WINDOW: `region`, `product`, and `availableFrom` and/or `availableUntil`.")
    enum ChangeType {
        OPEN_REGION, CLOSE_REGION, SELL_CATEGORY, STOP_CATEGORY, LIST_PRODUCT, DELIST_PRODUCT, SET_WINDOW, CLEAR_WINDOW
    }

    @Schema(name = "Change", description = "One change in a change set.")
    record Change(
            @NotNull @Schema(required = true) ChangeType type,
            @NotBlank @Schema(required = true, examples = "US") String region,
            @Schema(examples = "AUDIO") String category,
            @Schema(description = "Product slug.", examples = "mi-band-8") String product,
            Instant availableFrom,
            Instant availableUntil,
            @Schema(description = "The ETag of the target as last read (GET .../status, .../categories/{c} or "
                    + "/regions/{r}/products/{slug}); required unless dryRun. The change fails with 412 if the "
                    + "target changed since.") String ifMatch) {
    }

    @Schema(name = "ChangeSet")
    record ChangeSetInput(
            @NotBlank @Size(max = MAX_REASON) @Schema(required = true, examples = "Black Friday: open audio in EU") String reason,
            @NotEmpty @Size(max = 100) @Schema(required = true) List<@NotNull @Valid Change> changes) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "AppliedChange", description = "A change with the state of its target before and after.")
    record AppliedChange(ChangeType type, String target,
                         @Schema(type = SchemaType.OBJECT) Object before,
                         @Schema(type = SchemaType.OBJECT) Object after,
                         @Schema(description = "ETag of the target after the change.") String etag) {
    }

    @Schema(name = "ProductShift", description = "A product a shopper of the region starts or stops seeing.")
    record ProductShift(String product,
                        @Schema(description = "For appearing products: why they were hidden before. For "
                                + "disappearing ones: why they are hidden now.") List<Reason> reasons) {
    }

    @Schema(name = "RegionDiff", description = "What shoppers of one region see change.")
    record RegionDiff(String region, List<ProductShift> appearing, List<ProductShift> disappearing) {
    }

    @Schema(name = "ChangeSetResult")
    record ChangeSetResult(
            @Schema(nullable = true, description = "Id of the change set in the audit log; null on a dry run.") UUID id,
            boolean dryRun,
            @Schema(description = "The instant the change set was decided at.") Instant at,
            List<AppliedChange> changes,
            @Schema(description = "Per region touched, the products shoppers start and stop seeing.") List<RegionDiff> diff) {
    }

    // ---- preview ----

    @Schema(name = "PreviewItem")
    record PreviewItem(String product, String category, boolean available, List<Reason> reasons) {
    }

    @Schema(name = "Preview", description = "Every product and what a shopper of the region sees of it at an instant.")
    record Preview(String region, Instant at, int availableCount, List<PreviewItem> products) {
    }

    // ---- products ----

    static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String CODE = "^[A-Z][A-Z_]{1,31}$";
    static final String CERTIFICATION = "^[A-Z0-9][A-Z0-9_-]{0,31}$";
    static final String SKU = "^[A-Z0-9][A-Z0-9-]{0,63}$";
    static final String LOCALE = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

    @Schema(name = "ProductText")
    record TextInput(
            @NotBlank @Pattern(regexp = LOCALE) @Schema(required = true, examples = "en") String locale,
            @NotBlank @Size(max = 200) @Schema(required = true, examples = "Mi Band 9") String name,
            @Size(max = 5000) String description) {
    }

    @Schema(name = "SkuInput")
    record SkuInput(
            @NotBlank @Pattern(regexp = SKU) @Schema(required = true, examples = "MB9-BLACK") String code,
            @Schema(description = "Option name to value.", examples = "{\"color\": \"black\"}")
            Map<@NotBlank @Size(max = 40) String, @NotNull @Size(max = 200) String> options) {
    }

    @Schema(name = "MediaInput", description = "A picture of the product, or of one of its SKUs: an https address "
            + "on the brand's image CDN, never fetched by the API.")
    record MediaInput(
            @Schema(nullable = true, description = "The SKU it shows; the product as a whole when absent.",
                    examples = "MI-BAND-8-BLACK") @Pattern(regexp = SKU) String sku,
            @Schema(required = true, examples = "https://i01.appmifile.com/storefront/mi-band-8/hero.jpg")
            @NotBlank @Size(max = 500) String url,
            @Schema(required = true, description = "Pixels.", examples = "1600") @NotNull @Min(1) @Max(20000)
            Integer width,
            @Schema(required = true, description = "Pixels.", examples = "1600") @NotNull @Min(1) @Max(20000)
            Integer height,
            @Schema(required = true, description = "Alt text per locale; the default locale of every region that "
                    + "sells the product's category is required.", examples = "{\"en\": \"Mi Band 8 in Graphite "
                    + "Black\"}")
            @NotEmpty @Size(max = 20) Map<@NotBlank @Pattern(regexp = LOCALE) String,
                    @NotBlank @Size(max = 300) String> alt) {
    }

    @Schema(name = "AdminMedia")
    record MediaView(@Schema(nullable = true) String sku, String url, int width, int height, Map<String, String> alt) {
    }

    static final String OPTION = "^[a-z][a-z0-9_]{0,39}$";

    @Schema(name = "OptionInput", description = "An option type the product's SKUs vary by, with its values in "
            + "display order. Once a product declares options, each SKU names exactly one value of each.")
    record OptionInput(
            @Schema(required = true, examples = "colour") @NotBlank @Pattern(regexp = OPTION) String code,
            @Schema(required = true, description = "Per locale; the default locale of every region that sells the "
                    + "product's category is required.", examples = "{\"en\": \"Colour\", \"de\": \"Farbe\"}")
            @NotEmpty @Size(max = 20) Map<@NotBlank @Pattern(regexp = LOCALE) String,
                    @NotBlank @Size(max = 100) String> labels,
            @Schema(required = true) @NotEmpty @Size(max = 50) List<@NotNull @Valid OptionValueInput> values) {
    }

    @Schema(name = "OptionValueInput")
    record OptionValueInput(
            @Schema(required = true, description = "What a SKU's options name.", examples = "Graphite Black")
            @NotBlank @Size(max = 200) String code,
            @Schema(required = true, description = "Per locale, as for the option's labels.",
                    examples = "{\"en\": \"Graphite Black\", \"de\": \"Graphitschwarz\"}")
            @NotEmpty @Size(max = 20) Map<@NotBlank @Pattern(regexp = LOCALE) String,
                    @NotBlank @Size(max = 100) String> labels) {
    }

    @Schema(name = "AdminOption")
    record OptionView(String code, Map<String, String> labels, List<OptionValueView> values) {
    }

    @Schema(name = "AdminOptionValue")
    record OptionValueView(String code, Map<String, String> labels) {
    }

    @Schema(name = "SpecificationGroupInput", description = "A group of the specification table (battery, display).")
    record SpecGroupInput(
            @Schema(required = true, examples = "battery") @NotBlank @Pattern(regexp = OPTION) String code,
            @Schema(required = true, description = "Per locale; the default locale of every region that sells the "
                    + "product's category is required.", examples = "{\"en\": \"Battery\", \"de\": \"Akku\"}")
            @NotEmpty @Size(max = 20) Map<@NotBlank @Pattern(regexp = LOCALE) String,
                    @NotBlank @Size(max = 100) String> labels) {
    }

    /** What a specification's value is. */
    enum SpecType { NUMBER, BOOLEAN, TEXT, LIST }

    @Schema(name = "SpecificationInput", description = "One typed attribute of the product, or of one SKU: a NUMBER "
            + "takes `number` (and `unit`), a BOOLEAN `flag`, a TEXT `text` per locale, a LIST `items`; the others "
            + "stay absent.")
    record SpecInput(
            @Schema(required = true, examples = "capacity") @NotBlank @Pattern(regexp = OPTION) String code,
            @Schema(required = true, description = "The group's code.", examples = "battery") @NotBlank
            @Pattern(regexp = OPTION) String group,
            @Schema(nullable = true, description = "The SKU it describes; the whole product when absent.")
            @Pattern(regexp = SKU) String sku,
            @Schema(required = true, description = "The attribute's name per locale, as for a group's labels.",
                    examples = "{\"en\": \"Capacity\", \"de\": \"Kapazität\"}")
            @NotEmpty @Size(max = 20) Map<@NotBlank @Pattern(regexp = LOCALE) String,
                    @NotBlank @Size(max = 100) String> labels,
            @Schema(required = true) @NotNull SpecType type,
            @Schema(nullable = true, examples = "20000") @jakarta.validation.constraints.Digits(integer = 12,
                    fraction = 4) java.math.BigDecimal number,
            @Schema(nullable = true, description = "A NUMBER's unit symbol, not translated.", examples = "mAh")
            @Size(min = 1, max = 16) String unit,
            @Schema(nullable = true, examples = "true") Boolean flag,
            @Schema(nullable = true, description = "A TEXT per locale, as for the labels.")
            @Size(max = 20) Map<@NotBlank @Pattern(regexp = LOCALE) String, @NotBlank @Size(max = 500) String> text,
            @Schema(nullable = true, description = "A LIST's terms, not translated.",
                    examples = "[\"Bluetooth 5.3\", \"NFC\"]")
            @Size(min = 1, max = 30) List<@NotBlank @Size(max = 100) String> items) {
    }

    @Schema(name = "AdminSpecificationGroup")
    record SpecGroupView(String code, Map<String, String> labels) {
    }

    @Schema(name = "AdminSpecification", description = "As it was given; the members of other types are null.")
    record SpecView(String code, String group, @Schema(nullable = true) String sku, Map<String, String> labels,
                    SpecType type, @Schema(nullable = true) java.math.BigDecimal number,
                    @Schema(nullable = true) String unit, @Schema(nullable = true) Boolean flag,
                    @Schema(nullable = true) Map<String, String> text, @Schema(nullable = true) List<String> items) {
    }

    @Schema(name = "ProductInput", description = "A product with its SKUs, localized text and certifications. "
            + "On update, SKUs are matched by code: missing ones are removed with their prices.")
    record ProductInput(
            @Pattern(regexp = SLUG) @Size(max = 120) @Schema(description = "Required on create; on update, absent or "
                    + "equal to the path's.", examples = "mi-band-9") String slug,
            @NotBlank @Pattern(regexp = CODE) @Schema(required = true, examples = "WEARABLE") String category,
            List<@NotBlank @Pattern(regexp = CERTIFICATION) String> certifications,
            @NotEmpty @Size(max = 20) @Schema(required = true) List<@NotNull @Valid TextInput> texts,
            @NotEmpty @Size(max = 50) @Schema(required = true) List<@NotNull @Valid SkuInput> skus,
            @Schema(nullable = true, description = "Option types in display order; replaced whole; none when "
                    + "absent (the SKUs' options are then free text, shown as they are).")
            @Size(max = 5) List<@NotNull @Valid OptionInput> options,
            @Schema(nullable = true, description = "The specification table's groups in display order; replaced "
                    + "whole.") @Size(max = 20) List<@NotNull @Valid SpecGroupInput> specificationGroups,
            @Schema(nullable = true, description = "Its attributes in display order, each in one of the groups; "
                    + "replaced whole.") @Size(max = 200) List<@NotNull @Valid SpecInput> specifications,
            @Schema(nullable = true, description = "Pictures in display order, the product's main one first; "
                    + "replaced whole; none when absent.") @Size(max = 60) List<@NotNull @Valid MediaInput> media,
            @NotBlank @Size(max = MAX_REASON) @Schema(required = true) String reason) {
    }

    @Schema(name = "AdminSku")
    record SkuView(String code, Map<String, String> options,
                   @Schema(description = "Price per region code.") Map<String, Money> prices) {
    }

    @Schema(name = "AdminProductText")
    record TextView(String locale, String name, String description) {
    }

    @Schema(name = "AdminProduct", description = "A product as ops maintain it, across every region.")
    record ProductView(String slug, String category, List<String> certifications, List<TextView> texts,
                       List<SkuView> skus, List<OptionView> options, List<SpecGroupView> specificationGroups,
                       List<SpecView> specifications, List<MediaView> media, boolean retired,
                       @Schema(nullable = true, description = "Why it was retired; null while sold.") String retiredReason) {
    }

    @Schema(name = "RetireProduct")
    record RetireInput(@NotBlank @Size(max = MAX_REASON) @Schema(required = true) String reason) {
    }

    @Schema(name = "PricesInput", description = "The prices of a product's SKUs in one region. SKUs left out "
            + "lose their price there (and so are not sold there).")
    record PricesInput(
            @NotBlank @Schema(required = true, description = "Must be the region's currency.", examples = "EUR") String currency,
            @NotNull @Schema(required = true, description = "SKU code to amount in minor units.",
                    examples = "{\"MB9-BLACK\": 4999}") Map<String, @NotNull @Min(0) @Max(1_000_000_000_000L) Long> prices,
            @NotBlank @Size(max = MAX_REASON) @Schema(required = true) String reason) {
    }

    /** A product's prices in a region as the audit log keeps them (not part of the API). */
    @Schema(hidden = true)
    record RegionPrices(String product, String region, String currency, Map<String, Long> prices) {
    }

}
