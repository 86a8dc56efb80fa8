package storefront.stores;

import java.util.List;
import storefront.stores.StoreApi.Address;
import storefront.stores.StoreApi.Hours;
import storefront.stores.StoreApi.Kind;
import storefront.stores.StoreApi.Service;
import storefront.stores.StoreApi.Status;

/** A store as it is stored; what its audit entries record before and after a change. */
public record StoreRow(String id, String name, Kind kind, List<Service> services, Address address, String region,
                       double latitude, double longitude, String timeZone, List<Hours> openingHours, String phone,
                       Status status) {

    StoreRow withStatus(Status newStatus) {
        return new StoreRow(id, name, kind, services, address, region, latitude, longitude, timeZone, openingHours,
                phone, newStatus);
    }
}
