package storefront.aftersale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import storefront.order.OrderApi;

/**
 * An order's story for its shopper, in the shopper's language: built from
 * what the order records (when it was placed, paid, shipped, delivered,
 * collected, cancelled, returned), never from the event log, which is pruned.
 * Pure: no I/O.
 */
public final class Timeline {

    /** What happened; stable, for a client that words it itself. */
    public enum Code {
        PLACED, PAID, SHIPPED, DELIVERED, READY_FOR_PICKUP, COLLECTED, CANCELLED, RETURN_REQUESTED, RETURN_RECEIVED,
        RETURN_REFUNDED, RETURN_REFUSED, REFUND_ISSUED
    }

    /** One step: when, what, worded; the fulfilment or return it is about, if any. */
    public record Entry(Instant at, Code code, String text, Integer fulfilment, Integer returnNumber) {
    }

    /** The wording per language tag; a locale without its own falls back to its language, then to English. */
    private static final Map<String, Map<Code, String>> TEXTS = Map.of(
            "en", texts("Order placed", "Payment received", "Parcel {n} shipped with {carrier} (tracking {tracking})",
                    "Parcel {n} delivered", "Ready for pickup at {store}", "Collected at {store}", "Order cancelled",
                    "Return {n} requested", "Return {n} received", "Return {n} refunded",
                    "Return {n} refused: {reason}", "Refund of {amount} issued"),
            "de", texts("Bestellung aufgegeben", "Zahlung eingegangen",
                    "Paket {n} mit {carrier} versandt (Sendungsnummer {tracking})", "Paket {n} zugestellt",
                    "Abholbereit in {store}", "Abgeholt in {store}", "Bestellung storniert",
                    "Rücksendung {n} angemeldet", "Rücksendung {n} eingegangen", "Rücksendung {n} erstattet",
                    "Rücksendung {n} abgelehnt: {reason}", "Erstattung von {amount} veranlasst"),
            "fr", texts("Commande passée", "Paiement reçu", "Colis {n} expédié par {carrier} (suivi {tracking})",
                    "Colis {n} livré", "Prêt à être retiré chez {store}", "Retiré chez {store}", "Commande annulée",
                    "Retour {n} demandé", "Retour {n} reçu", "Retour {n} remboursé", "Retour {n} refusé : {reason}",
                    "Remboursement de {amount} effectué"),
            "es", texts("Pedido realizado", "Pago recibido", "Paquete {n} enviado con {carrier} (seguimiento {tracking})",
                    "Paquete {n} entregado", "Listo para recoger en {store}", "Recogido en {store}",
                    "Pedido cancelado", "Devolución {n} solicitada", "Devolución {n} recibida",
                    "Devolución {n} reembolsada", "Devolución {n} rechazada: {reason}",
                    "Reembolso de {amount} emitido"),
            "it", texts("Ordine effettuato", "Pagamento ricevuto", "Pacco {n} spedito con {carrier} (tracking {tracking})",
                    "Pacco {n} consegnato", "Pronto per il ritiro presso {store}", "Ritirato presso {store}",
                    "Ordine annullato", "Reso {n} richiesto", "Reso {n} ricevuto", "Reso {n} rimborsato",
                    "Reso {n} rifiutato: {reason}", "Rimborso di {amount} emesso"),
            "nl", texts("Bestelling geplaatst", "Betaling ontvangen",
                    "Pakket {n} verzonden met {carrier} (track & trace {tracking})", "Pakket {n} bezorgd",
                    "Klaar om af te halen bij {store}", "Afgehaald bij {store}", "Bestelling geannuleerd",
                    "Retour {n} aangevraagd", "Retour {n} ontvangen", "Retour {n} terugbetaald",
                    "Retour {n} geweigerd: {reason}", "Terugbetaling van {amount} gedaan"),
            "zh-CN", texts("订单已提交", "已收到付款", "包裹 {n} 已由 {carrier} 发出（运单号 {tracking}）", "包裹 {n} 已送达",
                    "已可在 {store} 自提", "已在 {store} 取货", "订单已取消", "退货 {n} 已申请", "退货 {n} 已收到",
                    "退货 {n} 已退款", "退货 {n} 被拒绝：{reason}", "已发起退款 {amount}"),
            "hi", texts("ऑर्डर दिया गया", "भुगतान प्राप्त हुआ", "पार्सल {n} {carrier} से भेजा गया (ट्रैकिंग {tracking})",
                    "पार्सल {n} डिलीवर हुआ", "{store} पर पिकअप के लिए तैयार", "{store} से ले लिया गया",
                    "ऑर्डर रद्द किया गया", "रिटर्न {n} का अनुरोध किया गया", "रिटर्न {n} प्राप्त हुआ",
                    "रिटर्न {n} का रिफ़ंड किया गया", "रिटर्न {n} अस्वीकार: {reason}",
                    "{amount} का रिफ़ंड जारी किया गया"));

    private Timeline() {
    }

    /** The languages the timeline is worded in. */
    public static boolean worded(String locale) {
        return TEXTS.containsKey(locale) || TEXTS.containsKey(language(locale));
    }

    /** The order's steps, oldest first, worded for {@code locale}. */
    public static List<Entry> of(OrderApi.OrderView order, String locale) {
        // The wording's own language writes the amounts too, so that a sentence reads as one.
        String worded = TEXTS.containsKey(locale) ? locale : TEXTS.containsKey(language(locale)) ? language(locale)
                : "en";
        Map<Code, String> texts = TEXTS.get(worded);
        String store = order.pickup() == null ? "" : order.pickup().store().name();
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(order.createdAt(), Code.PLACED, texts.get(Code.PLACED), null, null));
        if (order.paidAt() != null) {
            entries.add(new Entry(order.paidAt(), Code.PAID, texts.get(Code.PAID), null, null));
        }
        for (OrderApi.Fulfilment f : order.fulfilments()) {
            String n = String.valueOf(f.number());
            add(entries, f.shippedAt(), Code.SHIPPED, texts, f.number(), null, "{n}", n, "{carrier}",
                    f.carrier(), "{tracking}", f.trackingNumber());
            add(entries, f.deliveredAt(), Code.DELIVERED, texts, f.number(), null, "{n}", n);
            add(entries, f.readyAt(), Code.READY_FOR_PICKUP, texts, f.number(), null, "{store}", store);
            add(entries, f.collectedAt(), Code.COLLECTED, texts, f.number(), null, "{store}", store);
        }
        if (order.cancellation() != null) {
            add(entries, order.cancellation().at(), Code.CANCELLED, texts, null, null);
        }
        for (OrderApi.Return r : order.returns()) {
            String n = String.valueOf(r.number());
            add(entries, r.requestedAt(), Code.RETURN_REQUESTED, texts, null, r.number(), "{n}", n);
            add(entries, r.receivedAt(), Code.RETURN_RECEIVED, texts, null, r.number(), "{n}", n);
            if (r.refund() != null) {
                add(entries, r.decidedAt(), Code.RETURN_REFUNDED, texts, null, r.number(), "{n}", n);
            } else if (r.refusal() != null) {
                add(entries, r.decidedAt(), Code.RETURN_REFUSED, texts, null, r.number(), "{n}", n, "{reason}",
                        r.refusal());
            }
        }
        for (OrderApi.Refund refund : order.refunds()) {
            add(entries, refund.at(), Code.REFUND_ISSUED, texts, null, null, "{amount}",
                    money(refund.amount(), worded));
        }
        entries.sort(Comparator.comparing(Entry::at).thenComparing(e -> e.code().ordinal()));
        return List.copyOf(entries);
    }

    private static void add(List<Entry> entries, Instant at, Code code, Map<Code, String> texts, Integer fulfilment,
                            Integer returnNumber, String... params) {
        if (at == null) {
            return;
        }
        String text = texts.get(code);
        for (int i = 0; i + 1 < params.length; i += 2) {
            text = text.replace(params[i], params[i + 1] == null ? "" : params[i + 1]);
        }
        entries.add(new Entry(at, code, text, fulfilment, returnNumber));
    }

    /** An amount as the shopper's language writes it: 29,99 € in German, €29.99 in English. */
    static String money(storefront.common.Money amount, String locale) {
        java.util.Currency currency = java.util.Currency.getInstance(amount.currency());
        java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(Locale.forLanguageTag(locale));
        format.setCurrency(currency);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(java.math.BigDecimal.valueOf(amount.amountMinor(), digits));
    }

    private static String language(String locale) {
        int dash = locale.indexOf('-');
        return (dash < 0 ? locale : locale.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    private static Map<Code, String> texts(String... words) {
        Map<Code, String> texts = new java.util.EnumMap<>(Code.class);
        for (Code code : Code.values()) {
            texts.put(code, words[code.ordinal()]);
        }
        return texts;
    }
}
