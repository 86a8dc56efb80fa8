package storefront.fulfilment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Units of one order that leave one stock location together, as staff move
 * them: the aggregate of a fulfilment and its lines, its version the
 * optimistic lock. The allocator writes new ones in the payment's transaction.
 */
@Entity
@Table(name = "fulfilment")
public class Fulfilment {

    @Id
    UUID id;

    UUID orderId;

    int number;

    String locationId;

    @Enumerated(EnumType.STRING)
    FulfilmentKind kind;

    @Enumerated(EnumType.STRING)
    FulfilmentStatus status;

    String carrier;

    String trackingNumber;

    String trackingUrl;

    Instant packedAt;

    Instant shippedAt;

    Instant deliveredAt;

    Instant readyAt;

    Instant collectedAt;

    Instant cancelledAt;

    /** Units per SKU. */
    @ElementCollection
    @CollectionTable(name = "fulfilment_line", joinColumns = @JoinColumn(name = "fulfilment_id"))
    @MapKeyColumn(name = "sku_code")
    @Column(name = "quantity")
    Map<String, Integer> lines = new TreeMap<>();

    @Version
    int version;

    /** Enters the status the machine moved it to, stamped with when. */
    void enter(FulfilmentStatus next, Instant at) {
        status = next;
        switch (next) {
            case PACKED -> packedAt = at;
            case SHIPPED -> shippedAt = at;
            case DELIVERED -> deliveredAt = at;
            case READY_FOR_PICKUP -> readyAt = at;
            case COLLECTED -> collectedAt = at;
            case CANCELLED -> cancelledAt = at;
            case ALLOCATED -> { }
        }
    }

    /**
     * The part of this fulfilment that stays behind when {@code leaving} leaves:
     * a new one, at the same location, in {@code status} (this one's before it moved).
     */
    Fulfilment splitOff(Map<String, Integer> leaving, int newNumber, FulfilmentStatus status) {
        Fulfilment rest = new Fulfilment();
        rest.id = UUID.randomUUID();
        rest.orderId = orderId;
        rest.number = newNumber;
        rest.locationId = locationId;
        rest.kind = kind;
        rest.status = status;
        rest.packedAt = packedAt;
        Map<String, Integer> kept = new TreeMap<>();
        lines.forEach((sku, quantity) -> {
            int left = quantity - leaving.getOrDefault(sku, 0);
            if (left > 0) {
                rest.lines.put(sku, left);
            }
            if (quantity - left > 0) {
                kept.put(sku, quantity - left);
            }
        });
        lines.clear();
        lines.putAll(kept);
        return rest;
    }

    FulfilmentEvent event(String order, String region) {
        List<FulfilmentEvent.Units> units = new ArrayList<>();
        new TreeMap<>(lines).forEach((sku, quantity) -> units.add(new FulfilmentEvent.Units(sku, quantity)));
        return new FulfilmentEvent(order, orderId, region, id, number, kind, status, locationId, units,
                carrier, trackingNumber, trackingUrl);
    }
}
