package storefront.aftersale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import storefront.fulfilment.FulfilmentKind;
import storefront.fulfilment.FulfilmentMachine;
import storefront.fulfilment.FulfilmentStatus;
import storefront.fulfilment.ReturnStatus;
import storefront.order.OrderApi;
import storefront.order.OrderStatus;
import storefront.common.Money;

/** An order's story, worded per language, as a table. */
class TimelineTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    /** Placed, paid, parcel 1 shipped and delivered, then a refused return. */
    private static OrderApi.OrderView order() {
        OrderApi.Fulfilment parcel = new OrderApi.Fulfilment(1, FulfilmentKind.SHIPMENT, FulfilmentStatus.DELIVERED,
                "wh-eu", List.of(new OrderApi.FulfilmentLine("A", 1)), "DHL", "JD01", null, T.plusSeconds(300),
                T.plusSeconds(400), null, null);
        OrderApi.Return refused = new OrderApi.Return(java.util.UUID.randomUUID(), 1, ReturnStatus.REFUSED, "x",
                List.of(new OrderApi.ReturnLine("A", 1, null, null)), T.plusSeconds(500), null, null, null,
                "Worn", T.plusSeconds(600));
        return new OrderApi.OrderView(java.util.UUID.randomUUID(), "EU-1", OrderStatus.PAID, "EU", "a@b.c", null,
                List.of(), null, null, null, T, T.plusSeconds(60), null, null, null, List.of(parcel),
                FulfilmentMachine.Progress.DELIVERED, null, T.plusSeconds(999), List.of(refused),
                List.of(new OrderApi.Refund(T.plusSeconds(700), new Money(2999, "EUR"))));
    }

    static Stream<Arguments> wordings() {
        return Stream.of(
                Arguments.of("en", List.of("Order placed", "Payment received", "Parcel 1 shipped with DHL (tracking JD01)",
                        "Parcel 1 delivered", "Return 1 requested", "Return 1 refused: Worn",
                        "Refund of €29.99 issued")),
                Arguments.of("de", List.of("Bestellung aufgegeben", "Zahlung eingegangen",
                        "Paket 1 mit DHL versandt (Sendungsnummer JD01)", "Paket 1 zugestellt",
                        "Rücksendung 1 angemeldet", "Rücksendung 1 abgelehnt: Worn",
                        "Erstattung von 29,99\u00a0€ veranlasst")),
                Arguments.of("fr", List.of("Commande passée", "Paiement reçu", "Colis 1 expédié par DHL (suivi JD01)",
                        "Colis 1 livré", "Retour 1 demandé", "Retour 1 refusé : Worn",
                        "Remboursement de 29,99\u00a0€ effectué")),
                Arguments.of("zh-CN", List.of("订单已提交", "已收到付款", "包裹 1 已由 DHL 发出（运单号 JD01）", "包裹 1 已送达",
                        "退货 1 已申请", "退货 1 被拒绝：Worn", "已发起退款 €29.99")),
                // A regional variant without wording of its own takes its language's; an unknown one, English.
                Arguments.of("es-MX", List.of("Pedido realizado", "Pago recibido",
                        "Paquete 1 enviado con DHL (seguimiento JD01)", "Paquete 1 entregado",
                        "Devolución 1 solicitada", "Devolución 1 rechazada: Worn", "Reembolso de 29,99\u00a0€ emitido")),
                Arguments.of("sv", List.of("Order placed", "Payment received", "Parcel 1 shipped with DHL (tracking JD01)",
                        "Parcel 1 delivered", "Return 1 requested", "Return 1 refused: Worn",
                        "Refund of €29.99 issued")));
    }

    @org.junit.jupiter.api.Test
    void yenHaveNoMinorUnits() {
        assertThat(Timeline.money(new Money(1500, "JPY"), "en")).isEqualTo("¥1,500");
        assertThat(Timeline.money(new Money(1500, "USD"), "en")).isEqualTo("$15.00");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wordings")
    void everyStepOldestFirstInTheLanguage(String locale, List<String> texts) {
        List<Timeline.Entry> entries = Timeline.of(order(), locale);
        assertThat(entries).extracting(Timeline.Entry::text).containsExactlyElementsOf(texts);
        assertThat(entries).extracting(Timeline.Entry::code).containsExactly(Timeline.Code.PLACED,
                Timeline.Code.PAID, Timeline.Code.SHIPPED, Timeline.Code.DELIVERED, Timeline.Code.RETURN_REQUESTED,
                Timeline.Code.RETURN_REFUSED, Timeline.Code.REFUND_ISSUED);
        assertThat(entries.get(2).fulfilment()).isEqualTo(1);
        assertThat(entries.get(5).returnNumber()).isEqualTo(1);
    }
}
