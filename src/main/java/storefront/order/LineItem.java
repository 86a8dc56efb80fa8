package storefront.order;

import java.util.Map;

/** A line of an order, as the checkout writes it and the order keeps it. */
public record LineItem(String sku, String product, String name, Map<String, String> options, long unitPrice,
                       int quantity) {

    public long total() {
        return Math.multiplyExact(unitPrice, (long) quantity);
    }
}
