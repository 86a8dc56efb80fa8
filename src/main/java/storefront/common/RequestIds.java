package storefront.common;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Every request has an id: the caller's {@code X-Request-Id} when it is a
 * plain token (up to 128 letters, digits and {@code . _ : -}), else a new
 * UUID. It is in the answer's header, in the logging context of everything
 * done for the request (Quarkus keeps the MDC with the request's Vert.x
 * context across asynchronous steps), and in every problem body.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The logging context key: {@code %X{requestId}} in a log format. */
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The id for a request that sent {@code header} (may be null). */
    public static String accept(String header) {
        return header != null && ACCEPTED.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /**
     * A problem body serialized earlier (a cached answer), as the answer to the
     * current request: its id goes in as the first member. Ids are plain tokens,
     * so no escaping is needed.
     */
    static byte[] stamp(byte[] problemJson) {
        String id = current();
        if (id == null || problemJson.length < 2 || problemJson[0] != '{') {
            return problemJson;
        }
        byte[] member = ("{\"requestId\":\"" + id + "\"" + (problemJson[1] == '}' ? "" : ","))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] stamped = new byte[member.length + problemJson.length - 1];
        System.arraycopy(member, 0, stamped, 0, member.length);
        System.arraycopy(problemJson, 1, stamped, member.length, problemJson.length - 1);
        return stamped;
    }
}
