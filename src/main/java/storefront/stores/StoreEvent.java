package storefront.stores;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import storefront.stores.StoreApi.Address;
import storefront.stores.StoreApi.Hours;
import storefront.stores.StoreApi.Kind;
import storefront.stores.StoreApi.Location;
import storefront.stores.StoreApi.Service;
import storefront.stores.StoreApi.Status;

/** The {@code data} of a store's events: the store as it is after the change. */
@Schema(name = "StoreEventData", description = "A store as it is after the change the event tells of.")
public record StoreEvent(String id, String name, Kind kind, List<Service> services, Address address, String region,
                         Location location, String timeZone, List<Hours> openingHours,
                         @Schema(nullable = true) String phone, Status status) {

    static StoreEvent of(StoreRow row) {
        return new StoreEvent(row.id(), row.name(), row.kind(), row.services(), row.address(), row.region(),
                new Location(row.latitude(), row.longitude()), row.timeZone(), row.openingHours(), row.phone(),
                row.status());
    }
}
