package storefront.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import storefront.common.Money;

/** The delivery methods as ops maintain them. */
public final class DeliveryApi {

    private DeliveryApi() {
    }

    @Schema(name = "DeliveryMethodInput", description = "A delivery method of a region, whole.")
    public record DeliveryMethodInput(
            @Schema(examples = "Express delivery") @NotBlank @Size(max = 100) String name,
            @Schema(description = "Price in minor units of the region's currency.", examples = "1499")
            @NotNull @PositiveOrZero @Max(100_000_000) Long priceMinor,
            @Schema(description = "Goods of at least this amount (minor units) ship free; absent: never free.",
                    nullable = true, examples = "15000")
            @PositiveOrZero @Max(100_000_000_000L) Long freeAboveMinor,
            @Schema(examples = "1") @NotNull @Min(0) @Max(365) Integer minDays,
            @Schema(description = "At least minDays.", examples = "2") @NotNull @Min(0) @Max(365) Integer maxDays,
            @Schema(description = "Countries of the region it ships to; absent or empty: all of them.",
                    nullable = true, examples = "[\"US\"]")
            @Size(max = 100) List<@NotNull @Pattern(regexp = "[A-Za-z]{2}") String> countries,
            @Schema(description = "ISO 3166-2 states it ships to, such as US-CA; a country with none listed is "
                    + "served everywhere.", nullable = true, examples = "[\"US-CA\"]")
            @Size(max = 500) List<@NotNull @Pattern(regexp = "[A-Za-z]{2}-[A-Za-z0-9]{1,3}") String> states,
            @Schema(description = "Offered at checkout; absent: true.", nullable = true) Boolean active,
            @Schema(description = "Where it comes in the order offered (lowest first, then by code); the first "
                    + "serving an address is what checkout takes when none is asked for. Absent: 0.",
                    nullable = true) @Min(0) @Max(1000) Integer position,
            @Schema(description = "Why; kept in the audit log.") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "DeliveryMethodAdmin", description = "A delivery method as ops see it, active or not.")
    public record AdminView(
            @Schema(examples = "US") String region,
            @Schema(examples = "EXPRESS") String code,
            String name,
            Money price,
            @Schema(nullable = true) Money freeAbove,
            int minDays,
            int maxDays,
            @Schema(description = "Empty: every country of the region.") List<String> countries,
            List<String> states,
            boolean active,
            int position) {
    }

    @Schema(name = "DeliveryMethodAdminList")
    public record AdminList(String region, List<AdminView> items) {
    }
}
