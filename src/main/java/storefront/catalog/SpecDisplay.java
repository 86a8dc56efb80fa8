package storefront.catalog;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A specification's value as the shopper's language writes it: 20,000 mAh in
 * English, 20.000 mAh in German; yes and no in words; a text in the language;
 * a list's terms as they are. Pure: no I/O.
 */
final class SpecDisplay {

    private static final Map<String, String[]> YES_NO = Map.of(
            "en", new String[] {"Yes", "No"}, "de", new String[] {"Ja", "Nein"}, "fr", new String[] {"Oui", "Non"},
            "es", new String[] {"Sí", "No"}, "it", new String[] {"Sì", "No"}, "nl", new String[] {"Ja", "Nee"},
            "zh", new String[] {"是", "否"}, "hi", new String[] {"हाँ", "नहीं"});

    private SpecDisplay() {
    }

    static String of(StoredProduct.Spec spec, String locale, String defaultLocale) {
        Locale language = Locale.forLanguageTag(locale);
        return switch (spec.type()) {
            case "NUMBER" -> number(spec.number(), language) + (spec.unit() == null ? "" : " " + spec.unit());
            case "BOOLEAN" -> YES_NO.getOrDefault(language.getLanguage(), YES_NO.get("en"))[spec.flag() ? 0 : 1];
            case "TEXT" -> StoredProduct.pick(spec.text(), locale, defaultLocale, "");
            default -> String.join(", ", spec.items() == null ? List.of() : spec.items());
        };
    }

    private static String number(BigDecimal value, Locale language) {
        NumberFormat format = NumberFormat.getNumberInstance(language);
        format.setMaximumFractionDigits(Math.max(value.scale(), 0));
        format.setMinimumFractionDigits(0);
        return format.format(value);
    }
}
