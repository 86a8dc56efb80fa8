package storefront.sellers;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import storefront.sellers.SellerApi.Reason;
import storefront.sellers.SellerApi.SellerSummary;
import storefront.sellers.SellerApi.Status;
import storefront.sellers.SellerApi.Verdict;
import storefront.sellers.SellerApi.Verification;

/**
 * The rules of seller verification, without I/O: how a domain is read, which
 * registry entries can vouch for it, and the verdict.
 *
 * <p>A domain is compared in lower-case ASCII (IDNA), without a leading
 * {@code www.}, a port, a path or a trailing dot. An entry vouches for its own
 * domain, and for subdomains only when it says so. A domain nobody registered
 * that carries a brand name, even written with look-alike letters
 * ({@code xiaom1}, Cyrillic {@code о}), gets a hint that the name proves nothing.
 */
public final class SellerChecks {

    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Letters and digits that pass for Latin letters in a domain. */
    private static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(
            Map.entry('0', 'o'), Map.entry('1', 'i'), Map.entry('l', 'i'), Map.entry('3', 'e'), Map.entry('5', 's'),
            Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('с', 'c'),
            Map.entry('х', 'x'), Map.entry('у', 'y'), Map.entry('і', 'i'), Map.entry('ӏ', 'i'), Map.entry('ј', 'j'),
            Map.entry('ѕ', 's'), Map.entry('ԁ', 'd'), Map.entry('м', 'm'), Map.entry('т', 't'), Map.entry('к', 'k'),
            Map.entry('ο', 'o'), Map.entry('ι', 'i'), Map.entry('α', 'a'), Map.entry('ν', 'v'), Map.entry('ε', 'e'),
            Map.entry('ı', 'i'), Map.entry('ɑ', 'a'), Map.entry('ɡ', 'g'));

    private SellerChecks() {
    }

    /** A registry entry for a domain and the seller it belongs to. */
    public record DomainEntry(String domain, boolean includeSubdomains, SellerSummary seller) {
    }

    /**
     * The domain as the registry compares it; a URL is read for its host.
     *
     * @throws IllegalArgumentException with a message for the client when it is not a domain name
     */
    public static String normalizeDomain(String input) {
        String host = input == null ? "" : input.strip();
        if (host.contains("://")) {
            try {
                host = new URI(host).getHost();
            } catch (URISyntaxException e) {
                host = null;
            }
            if (host == null) {
                throw new IllegalArgumentException("must be a domain name such as shop.example.com, or a URL");
            }
        } else {
            host = host.split("[/?#]", 2)[0];
            host = host.substring(host.lastIndexOf('@') + 1).replaceFirst(":\\d*$", "");
        }
        host = host.toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a domain name such as shop.example.com");
        }
        if (ascii.startsWith("www.")) {
            ascii = ascii.substring(4);
        }
        String[] labels = ascii.split("\\.", -1);
        if (ascii.length() > 253 || labels.length < 2) {
            throw new IllegalArgumentException("must be a domain name such as shop.example.com");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("must be a domain name such as shop.example.com");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("must be a domain name, not an IP address");
        }
        return ascii;
    }

    /** The domain and its parents down to two labels: the entries that could vouch for it. */
    public static List<String> candidates(String domain) {
        List<String> candidates = new ArrayList<>();
        String current = domain;
        while (current.indexOf('.') > 0) {
            candidates.add(current);
            current = current.substring(current.indexOf('.') + 1);
        }
        return candidates;
    }

    /** The verdict on a normalized domain, given the registry entries among its candidates. */
    public static Verification decide(String domain, List<DomainEntry> entries, List<String> brandNames, Instant now) {
        Optional<DomainEntry> exact = entries.stream().filter(e -> e.domain().equals(domain)).findFirst();
        Optional<DomainEntry> covering = exact.isPresent() ? exact : entries.stream()
                .filter(DomainEntry::includeSubdomains)
                .max(Comparator.comparingInt(e -> e.domain().length()));
        if (covering.isPresent()) {
            DomainEntry entry = covering.get();
            return verdict(entry.seller(), now, domain, null, null, entry.domain());
        }
        if (!entries.isEmpty()) {
            String parent = entries.stream().max(Comparator.comparingInt(e -> e.domain().length())).get().domain();
            return new Verification(Verdict.NOT_AUTHORIZED, domain, null, null, Reason.SUBDOMAIN_NOT_COVERED,
                    parent + " is registered, but not its subdomains: " + domain + " is not vouched for.", null,
                    null, now);
        }
        Optional<String> brand = brandIn(domain, brandNames);
        if (brand.isPresent()) {
            return new Verification(Verdict.NOT_AUTHORIZED, domain, null, null, Reason.LOOK_ALIKE,
                    domain + " uses the name \"" + brand.get() + "\" but is not in the registry of official and "
                            + "authorized sellers. A brand name in a domain is not a proof of authorization.",
                    null, null, now);
        }
        return notInRegistry(domain, null, null, now);
    }

    /** The verdict on a marketplace storefront, given the seller registered for it (if any). */
    public static Verification decideStorefront(String marketplace, String storeId, Optional<SellerSummary> seller,
                                                Instant now) {
        return seller.map(s -> verdict(s, now, null, marketplace, storeId, null))
                .orElseGet(() -> notInRegistry(null, marketplace, storeId, now));
    }

    private static Verification notInRegistry(String domain, String marketplace, String storeId, Instant now) {
        return new Verification(Verdict.NOT_AUTHORIZED, domain, marketplace, storeId, Reason.NOT_IN_REGISTRY,
                "Not in the registry of official and authorized sellers.", null, null, now);
    }

    private static Verification verdict(SellerSummary seller, Instant now, String domain, String marketplace,
                                        String storeId, String matchedDomain) {
        Reason reason = null;
        if (seller.status() == Status.REVOKED) {
            reason = Reason.REVOKED;
        } else if (seller.status() == Status.SUSPENDED) {
            reason = Reason.SUSPENDED;
        } else if (now.isBefore(seller.authorizedSince())) {
            reason = Reason.NOT_YET_AUTHORIZED;
        } else if (seller.authorizedUntil() != null && !now.isBefore(seller.authorizedUntil())) {
            reason = Reason.EXPIRED;
        }
        Verdict verdict = reason != null ? Verdict.NOT_AUTHORIZED
                : seller.kind() == SellerApi.Kind.OFFICIAL ? Verdict.OFFICIAL : Verdict.AUTHORIZED;
        String hint = reason == null ? null : switch (reason) {
            case REVOKED -> seller.name() + " was authorized; the authorization is revoked.";
            case SUSPENDED -> seller.name() + " is authorized, but the authorization is suspended for now.";
            case NOT_YET_AUTHORIZED -> seller.name() + " is authorized from " + seller.authorizedSince() + " only.";
            default -> seller.name() + " was authorized until " + seller.authorizedUntil() + ".";
        };
        return new Verification(verdict, domain, marketplace, storeId, reason, hint, matchedDomain, seller, now);
    }

    /**
     * The brand name a domain carries, once look-alike letters are read as the
     * letters they imitate: a whole word of it ({@code mi-store.com}), or, for
     * names of four letters or more, any part ({@code xiaomistore.com}).
     */
    static Optional<String> brandIn(String domain, List<String> brandNames) {
        String folded = fold(unicode(domain));
        List<String> words = List.of(NOT_LETTERS.split(folded));
        for (String brand : brandNames) {
            String name = fold(brand);
            for (String word : words) {
                if (word.equals(name) || (name.length() >= 4 && word.contains(name))) {
                    return Optional.of(brand);
                }
            }
        }
        return Optional.empty();
    }

    private static String unicode(String ascii) {
        try {
            return IDN.toUnicode(ascii);
        } catch (IllegalArgumentException e) {
            return ascii;
        }
    }

    private static String fold(String text) {
        String stripped = MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD))
                .replaceAll("");
        StringBuilder folded = new StringBuilder(stripped.length());
        for (char c : stripped.toCharArray()) {
            folded.append(LOOK_ALIKES.getOrDefault(c, c));
        }
        return folded.toString();
    }
}
