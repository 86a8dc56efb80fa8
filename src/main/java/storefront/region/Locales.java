package storefront.region;

import java.util.List;
import java.util.Locale;

/** Picks the content locale for a request: Accept-Language against what the region offers. */
public final class Locales {

    private Locales() {
    }

    /**
     * The supported locale that best answers {@code acceptLanguage} (RFC 9110
     * weights, RFC 4647 matching in both directions: "de-AT" takes "de", "zh"
     * takes "zh-CN"), or {@code defaultLocale} when none does or the header is
     * absent or malformed.
     */
    public static String negotiate(String acceptLanguage, List<String> supported, String defaultLocale) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return defaultLocale;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return defaultLocale;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String wanted = range.getRange();
            if (wanted.equals("*")) {
                return defaultLocale;
            }
            // The range itself, then ever shorter prefixes of it ("zh-hant-tw" -> "zh-hant" -> "zh").
            for (String prefix = wanted; !prefix.isEmpty(); prefix = shorten(prefix)) {
                for (String tag : supported) {
                    if (tag.equalsIgnoreCase(prefix)) {
                        return tag;
                    }
                }
            }
            // A bare language asks for any of its variants.
            for (String tag : supported) {
                if (tag.toLowerCase(Locale.ROOT).startsWith(wanted + "-")) {
                    return tag;
                }
            }
        }
        return defaultLocale;
    }

    private static String shorten(String tag) {
        int dash = tag.lastIndexOf('-');
        return dash < 0 ? "" : tag.substring(0, dash);
    }
}
