package storefront.cart;

/** A line of a cart as stored: a SKU and how many. */
public record StoredLine(String sku, int quantity) {
}
