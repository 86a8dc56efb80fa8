package storefront.delivery;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.List;
import storefront.common.Money;
import storefront.delivery.DeliveryApi.AdminView;
import org.hibernate.annotations.ColumnTransformer;
import storefront.common.JsonStrings;

/** A region's delivery method, as ops write it: one row, its version the optimistic lock. */
@Entity
@Table(name = "delivery_method")
@IdClass(DeliveryMethodRow.Key.class)
class DeliveryMethodRow {

    /** A method's identity: its region and code. */
    record Key(String regionCode, String code) implements Serializable {
    }

    @Id
    String regionCode;

    @Id
    String code;

    String name;

    long priceMinor;

    Long freeAboveMinor;

    int minDays;

    int maxDays;

    @Convert(converter = JsonStrings.class)
    @ColumnTransformer(read = "countries::text", write = "cast(cast(? as text) as jsonb)")
    List<String> countries;

    @Convert(converter = JsonStrings.class)
    @ColumnTransformer(read = "states::text", write = "cast(cast(? as text) as jsonb)")
    List<String> states;

    boolean active;

    int position;

    @Version
    int version;

    /** Takes everything the (checked, normalized) input says. */
    void assign(DeliveryApi.DeliveryMethodInput input) {
        name = input.name();
        priceMinor = input.priceMinor();
        freeAboveMinor = input.freeAboveMinor();
        minDays = input.minDays();
        maxDays = input.maxDays();
        countries = input.countries();
        states = input.states();
        active = input.active();
        position = input.position();
    }

    AdminView view(String currency) {
        return new AdminView(regionCode, code, name, new Money(priceMinor, currency),
                freeAboveMinor == null ? null : new Money(freeAboveMinor, currency), minDays, maxDays,
                List.copyOf(countries), List.copyOf(states), active, position);
    }
}
