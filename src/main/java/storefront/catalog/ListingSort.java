package storefront.catalog;

/**
 * The orders a listing can be walked in. Each ends with the slug, so that the
 * order is total and a cursor (the last item's sort key and slug) continues
 * exactly where the page ended: no item twice, none skipped. Where the key is
 * a column of {@code listing_entry} (price, launch), the cursor's condition
 * starts with a bound on it alone, so that the walk starts in the index.
 */
enum ListingSort {
    /** By words matched (ts_rank), best first; only with {@code q}. */
    RELEVANCE("x.rank::text", "x.rank desc, x.slug",
            "(x.rank < cast($10::text as real) or (x.rank = cast($10::text as real) and x.slug > $7))"),
    /** By the lowest SKU price in the region's currency. */
    PRICE_ASC("x.min_price::text", "x.min_price, x.slug",
            "x.min_price >= cast($10::text as bigint)"
                    + " and (x.min_price > cast($10::text as bigint) or x.slug > $7)"),
    /** By the lowest SKU price, highest first. */
    PRICE_DESC("x.min_price::text", "x.min_price desc, x.slug",
            "x.min_price <= cast($10::text as bigint)"
                    + " and (x.min_price < cast($10::text as bigint) or x.slug > $7)"),
    /** By launch in the region (its sales window's start, else when the product was created), newest first. */
    NEWEST("to_char(x.launch at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')", "x.launch desc, x.slug",
            "x.launch <= cast($10::text as timestamptz)"
                    + " and (x.launch < cast($10::text as timestamptz) or x.slug > $7)"),
    /** By name in the response's language, ignoring case. */
    NAME("x.sort_name", "x.sort_name, x.slug",
            "(x.sort_name > $10 or (x.sort_name = $10 and x.slug > $7))");

    final String key;
    final String order;
    final String after;

    ListingSort(String key, String order, String after) {
        this.key = key;
        this.order = order;
        this.after = after;
    }

    /** Whether a cursor's key is one this sort issued (a number, an instant, a name), so that SQL can cast it. */
    boolean takes(String cursorKey) {
        try {
            return switch (this) {
                case RELEVANCE -> Float.isFinite(Float.parseFloat(cursorKey));
                case PRICE_ASC, PRICE_DESC -> Long.parseLong(cursorKey) >= 0;
                case NEWEST -> java.time.Instant.parse(cursorKey) != null;
                case NAME -> !cursorKey.isEmpty();
            };
        } catch (RuntimeException e) {
            return false;
        }
    }
}
