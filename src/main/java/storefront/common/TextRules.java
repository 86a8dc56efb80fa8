package storefront.common;

/**
 * What any text the API takes in must be, wherever it arrives (path, query,
 * header, JSON, CSV): Unicode that PostgreSQL stores as written. U+0000 cannot
 * be stored at all, and a lone surrogate would be stored as "?".
 */
public final class TextRules {

    private TextRules() {
    }

    /** Why {@code text} cannot be taken, or null when it can. */
    public static String fault(CharSequence text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "must not contain U+0000 (NUL)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode (it contains a lone surrogate)";
            }
        }
        return null;
    }
}
