package storefront.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may be sent. Receivers are untrusted: outside dev and tests
 * only https, and only to public addresses, checked when the URL is saved and
 * again against the addresses its host resolves to when a delivery is sent
 * (the delivery then goes to the address that was checked).
 */
final class WebhookTargets {

    private WebhookTargets() {
    }

    /** What is wrong with {@code url} as a receiver; empty when nothing is. */
    static Optional<String> problem(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute http(s) URL with a host");
        }
        if (!allowPrivate && !scheme.equals("https")) {
            return Optional.of("must be https");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must carry no user info and no fragment");
        }
        if (!allowPrivate && isLiteralAddress(uri.getHost())) {
            try {
                if (!isPublic(InetAddress.getByName(uri.getHost()))) {
                    return Optional.of("must not be a private, loopback or link-local address");
                }
            } catch (java.net.UnknownHostException e) {
                return Optional.of("has a host that is no address");
            }
        }
        return Optional.empty();
    }

    static boolean isLiteralAddress(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }

    /** Whether an address is one the internet routes to (not loopback, private, link-local, ...). */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc;  // fc00::/7, unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        // 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8, 198.18.0.0/15 (benchmarking).
        return !(first == 100 && (second & 0xc0) == 64) && first != 0 && !(first == 198 && (second & 0xfe) == 18);
    }
}
