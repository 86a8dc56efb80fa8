package storefront.flashsale;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import storefront.order.OrderApi.ShippingAddress;

/**
 * One key per delivery point, so that a per-customer limit also holds for
 * several accounts shipping to one door. Case, accents, punctuation, spacing,
 * common street abbreviations and unit designators ("Apt 4", "#4", "Unit 4")
 * do not change the key, nor does the line the unit is written on; the name
 * on the parcel does not count. Pure: no I/O.
 */
public final class AddressKey {

    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("street", "st"), Map.entry("str", "st"), Map.entry("avenue", "ave"), Map.entry("av", "ave"),
            Map.entry("road", "rd"), Map.entry("boulevard", "blvd"), Map.entry("drive", "dr"),
            Map.entry("lane", "ln"), Map.entry("court", "ct"), Map.entry("place", "pl"),
            Map.entry("square", "sq"), Map.entry("highway", "hwy"), Map.entry("parkway", "pkwy"),
            Map.entry("terrace", "ter"), Map.entry("floor", "fl"), Map.entry("building", "bldg"),
            Map.entry("north", "n"), Map.entry("south", "s"), Map.entry("east", "e"), Map.entry("west", "w"));

    /** Words that only say "a unit number follows". */
    private static final Set<String> UNIT_WORDS = Set.of("apt", "apartment", "unit", "suite", "ste", "flat", "no",
            "number", "room", "rm");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]");

    private AddressKey() {
    }

    /** The key of this address: a SHA-256 of its normalized form, in hex. */
    public static String of(ShippingAddress address) {
        return sha256(normalized(address));
    }

    /** The normalized form the key is a hash of (kept readable for tests and support). */
    static String normalized(ShippingAddress a) {
        String lines = words(a.line1() + " " + (a.line2() == null ? "" : a.line2()), true);
        return String.join("|",
                upper(a.country()),
                a.postalCode() == null ? "" : NOT_ALPHANUMERIC.matcher(upper(a.postalCode())).replaceAll(""),
                a.state() == null ? "" : upper(a.state()),
                words(a.city(), false),
                lines);
    }

    private static String words(String text, boolean street) {
        String folded = MARKS.matcher(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD))
                .replaceAll("").toLowerCase(Locale.ROOT).replace("ß", "ss");
        String plain = SEPARATORS.matcher(folded).replaceAll(" ").trim();
        List<String> out = new ArrayList<>();
        for (String word : plain.isEmpty() ? new String[0] : plain.split(" ")) {
            if (street && UNIT_WORDS.contains(word)) {
                continue;
            }
            out.add(street ? ABBREVIATIONS.getOrDefault(word, word) : word);
        }
        return String.join(" ", out);
    }

    private static String upper(String text) {
        return text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
