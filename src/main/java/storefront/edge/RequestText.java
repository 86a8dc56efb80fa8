package storefront.edge;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import storefront.common.Problem;
import storefront.common.TextRules;

/**
 * The text of a request outside its body, read strictly: the path and every
 * query parameter must be well-formed percent-encoding of UTF-8, and no part of
 * the path, the query or a header may hold what PostgreSQL cannot store (U+0000,
 * a lone surrogate). Pure: the edge hands it the raw request target and headers.
 */
final class RequestText {

    /** A request that cannot be taken as written: which part, and why. */
    record Fault(boolean malformed, List<Problem.FieldError> errors) {
    }

    private RequestText() {
    }

    /**
     * Faults of a raw request target ({@code /path?query}) and its headers, or null
     * when it can be taken. {@code malformed} is set when some percent-encoding is
     * broken (the request target is not a URI at all).
     */
    static Fault check(String target, Iterable<Map.Entry<String, String>> headers) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean malformed = false;
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        Decoded decodedPath = decode(path, false);
        malformed |= decodedPath.malformed();
        if (decodedPath.fault() != null) {
            errors.add(new Problem.FieldError("path", decodedPath.fault()));
        }
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                Decoded name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
                Decoded value = decode(eq < 0 ? "" : pair.substring(eq + 1), true);
                malformed |= name.malformed() || value.malformed();
                String field = name.fault() == null ? name.text() : (eq < 0 ? pair : pair.substring(0, eq));
                String fault = name.fault() != null ? name.fault() : value.fault();
                if (fault != null) {
                    errors.add(new Problem.FieldError(field, fault));
                }
            }
        }
        for (Map.Entry<String, String> header : headers) {
            String fault = TextRules.fault(header.getValue());
            if (fault != null) {
                errors.add(new Problem.FieldError(header.getKey(), fault));
            }
        }
        if (errors.isEmpty()) {
            Problem.FieldError syntax = syntaxFault(target);
            if (syntax != null) {
                return new Fault(true, List.of(syntax));
            }
        }
        return errors.isEmpty() ? null : new Fault(malformed, List.copyOf(errors));
    }

    /**
     * Where a request target breaks URI syntax (RFC 3986 as java.net.URI reads
     * it: a space, a brace, a bar, a caret...) beyond its percent-encoding, or
     * null. The HTTP server's own check of the same kind, which answers an empty
     * 400, is turned off (see {@link storefront.Main}) so that this one answers.
     */
    private static Problem.FieldError syntaxFault(String target) {
        try {
            new URI(target);
            return null;
        } catch (URISyntaxException e) {
            int q = target.indexOf('?');
            int at = e.getIndex();
            String where = at >= 0 && at < target.length()
                    ? " at character %d (U+%04X)".formatted(at + 1, (int) target.charAt(at)) : "";
            return new Problem.FieldError(q >= 0 && at > q ? "query" : "path",
                    "is not a URI: " + e.getReason().toLowerCase(java.util.Locale.ROOT) + where);
        }
    }

    private record Decoded(String text, String fault, boolean malformed) {
    }

    /** Percent-decodes {@code raw} as UTF-8 ({@code +} is a space in a query). */
    private static Decoded decode(String raw, boolean query) {
        if (raw.indexOf('%') < 0 && (!query || raw.indexOf('+') < 0)) {
            String fault = TextRules.fault(raw);
            return new Decoded(raw, fault, false);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    return new Decoded(raw, "has malformed percent-encoding (a % must be followed by two hex digits)",
                            true);
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && query) {
                bytes.write(' ');
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return new Decoded(raw, "is not percent-encoded UTF-8", true);
        }
        return new Decoded(text, TextRules.fault(text), false);
    }
}
