package storefront.stores;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.UpdateTimestamp;
import storefront.stores.StoreApi.Address;
import storefront.stores.StoreApi.Hours;
import storefront.stores.StoreApi.Kind;
import storefront.stores.StoreApi.Service;
import storefront.stores.StoreApi.Status;

/**
 * A store as ops set it. Its position (for the nearest-store search) is
 * computed by the database from latitude and longitude; its version is its
 * optimistic lock.
 */
@Entity
@Table(name = "store")
class Store {

    @Id
    String id;

    String name;

    @Enumerated(EnumType.STRING)
    Kind kind;

    String[] services;

    String addressLine1;

    String addressLine2;

    String city;

    String postalCode;

    String state;

    String country;

    String regionCode;

    double latitude;

    double longitude;

    String timeZone;

    /** A JSON array in the database, read and written as its text (Hibernate Reactive maps JSON objects only). */
    @Convert(converter = HoursText.class)
    @ColumnTransformer(read = "hours::text", write = "cast(cast(? as text) as jsonb)")
    List<Hours> hours;

    String phone;

    @Enumerated(EnumType.STRING)
    Status status;

    @Version
    long version;

    @UpdateTimestamp
    Instant updatedAt;

    /** Takes the state of {@code row} (already checked and normalized). */
    void assign(StoreRow row) {
        id = row.id();
        name = row.name();
        kind = row.kind();
        services = row.services().stream().map(Enum::name).toArray(String[]::new);
        Address address = row.address();
        addressLine1 = address.line1();
        addressLine2 = address.line2();
        city = address.city();
        postalCode = address.postalCode();
        state = address.state();
        country = address.country();
        regionCode = row.region();
        latitude = row.latitude();
        longitude = row.longitude();
        timeZone = row.timeZone();
        hours = List.copyOf(row.openingHours());
        phone = row.phone();
        status = row.status();
    }

    /** The store as ops set it: what If-Match guards and the audit log records. */
    StoreRow row() {
        return new StoreRow(id, name, kind, Arrays.stream(services).map(Service::valueOf).toList(),
                new Address(addressLine1, addressLine2, city, postalCode, state, country), regionCode, latitude,
                longitude, timeZone, List.copyOf(hours), phone, status);
    }

    /** Opening hours as the JSON text of the column. */
    @Converter
    static class HoursText implements AttributeConverter<List<Hours>, String> {

        private static final ObjectMapper JSON = new ObjectMapper();
        private static final TypeReference<List<Hours>> HOURS = new TypeReference<>() {
        };

        @Override
        public String convertToDatabaseColumn(List<Hours> hours) {
            try {
                return JSON.writeValueAsString(hours == null ? List.of() : hours);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<Hours> convertToEntityAttribute(String text) {
            try {
                return text == null ? List.of() : List.copyOf(JSON.readValue(text, HOURS));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The hours column holds no opening hours: " + text, e);
            }
        }
    }
}
