package storefront.stores;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import storefront.common.Problem;

/** Request and response bodies of the store finder and of store management. */
public final class StoreApi {

    static final String TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    private StoreApi() {
    }

    @Schema(name = "StoreKind")
    public enum Kind { FLAGSHIP, SERVICE_CENTER, AUTHORIZED_STORE }

    public enum Service { SALES, REPAIR, WARRANTY, PICKUP }

    @Schema(name = "StoreStatus")
    public enum Status { OPEN, TEMPORARILY_CLOSED, CLOSED }

    @Schema(name = "StoreAddress")
    public record Address(
            @Schema(examples = "88 Jianguo Road") @NotBlank @Size(max = 200) String line1,
            @Schema(nullable = true) @Size(max = 200) String line2,
            @Schema(examples = "Beijing") @NotBlank @Size(max = 100) String city,
            @Schema(nullable = true) @Size(max = 20) String postalCode,
            @Schema(nullable = true) @Size(max = 100) String state,
            @Schema(description = "ISO 3166-1 alpha-2; decides the store's region.", examples = "CN")
            @NotBlank @Pattern(regexp = "^[A-Za-z]{2}$", message = "must be an ISO 3166-1 alpha-2 code") String country) {
    }

    @Schema(name = "GeoPoint")
    public record Location(
            @Schema(examples = "39.9087") @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @Schema(examples = "116.3975") @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    @Schema(name = "OpeningHours", description = "One opening on one weekday, in the store's local time. "
            + "`closes` at or before `opens` runs past midnight into the next day; 00:00-00:00 is 24 hours.")
    public record Hours(
            @NotNull DayOfWeek day,
            @Schema(examples = "09:00") @NotNull @Pattern(regexp = TIME_PATTERN, message = "must be HH:mm") String opens,
            @Schema(examples = "21:00") @NotNull @Pattern(regexp = TIME_PATTERN, message = "must be HH:mm") String closes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Store", description = "A store; `phone` only when it has one, `distanceKm` only in a search.",
            extensions = @Extension(name = "x-omits-empty-members", value = "true", parseValue = true))
    public record StoreView(
            @Schema(required = true, examples = "cn-bj-0001") String id,
            @Schema(required = true, examples = "Mi Home Beijing Chaoyang") String name,
            @Schema(required = true) Kind kind,
            @Schema(required = true) List<Service> services,
            @Schema(required = true) Address address,
            @Schema(required = true, examples = "CN") String region,
            @Schema(required = true) Location location,
            @Schema(required = true, description = "IANA time zone of the opening hours.", examples = "Asia/Shanghai")
            String timeZone,
            @Schema(required = true) List<Hours> openingHours,
            String phone,
            @Schema(required = true) Status status,
            @Schema(required = true, description = "Open at the moment of the answer: status OPEN and within its hours.")
            boolean openNow,
            @Schema(description = "In a search: kilometres from the searched point along the earth's surface.",
                    examples = "1.284")
            Double distanceKm) {
    }

    @Schema(name = "StoreSearchResult")
    public record StoreList(
            @Schema(description = "The searched point.") Location near,
            double radiusKm,
            @Schema(description = "Nearest first.") List<StoreView> stores) {
    }

    /** A store as ops give it; the id comes from the path (or the CSV row). */
    @Schema(name = "StoreInput")
    public record StoreInput(
            @Schema(examples = "Mi Home Beijing Chaoyang") @NotBlank @Size(max = 200) String name,
            @NotNull Kind kind,
            @NotEmpty List<@NotNull Service> services,
            @NotNull @Valid Address address,
            @NotNull @Valid Location location,
            @Schema(examples = "Asia/Shanghai") @NotBlank String timeZone,
            @Size(max = 28) List<@NotNull @Valid Hours> openingHours,
            @Size(max = 40) String phone,
            @Schema(description = "Default OPEN.") Status status) {
    }

    @Schema(name = "StoreChange", description = "A store to create or replace.")
    public record StoreChange(
            @NotNull @Valid StoreInput store,
            @Schema(description = "Why, for the audit log.") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "StoreStatusChange")
    public record StatusChange(
            @NotNull Status status,
            @Schema(description = "Why, for the audit log.") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "StoreImportRejection", description = "A row of the file that was not imported, and why.")
    public record Rejection(
            @Schema(description = "Line of the file (the header is line 1).") long line,
            @Schema(description = "The row's id, when it had one.") String id,
            List<Problem.FieldError> errors) {
    }

    @Schema(name = "StoreImportReport")
    public record ImportReport(
            @Schema(description = "True when nothing was written (dryRun=true).") boolean dryRun,
            @Schema(description = "Data rows read.") int rows,
            int created,
            int updated,
            @Schema(description = "Rows equal to the store as stored.") int unchanged,
            List<Rejection> rejected,
            @Schema(nullable = true,
                    description = "Groups the audit entries of this import; null for a dry run or when nothing changed.")
            UUID changeSet,
            Instant at) {
    }
}
