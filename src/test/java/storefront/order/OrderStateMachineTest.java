package storefront.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import storefront.order.OrderStateMachine.Outcome;
import storefront.order.OrderStateMachine.State;
import storefront.order.OrderStateMachine.Transition;
import storefront.order.PaymentEvent.Canceled;
import storefront.order.PaymentEvent.Failed;
import storefront.order.PaymentEvent.Refunded;
import storefront.order.PaymentEvent.Succeeded;

class OrderStateMachineTest {

    private static final State PENDING = new State(OrderStatus.PENDING_PAYMENT, 5000, "EUR", 0);
    private static final State PAID = new State(OrderStatus.PAID, 5000, "EUR", 0);

    @Test
    void successOfTheRightAmountPays() {
        Transition t = OrderStateMachine.apply(PENDING, new Succeeded(5000, "EUR"));
        assertThat(t.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(t.state().status()).isEqualTo(OrderStatus.PAID);
        assertThat(t.becamePaid(PENDING)).isTrue();
    }

    @Test
    void successOfAnotherAmountOrCurrencyChangesNothing() {
        assertThat(OrderStateMachine.apply(PENDING, new Succeeded(4999, "EUR")).outcome()).isEqualTo(Outcome.AMOUNT_MISMATCH);
        Transition t = OrderStateMachine.apply(PENDING, new Succeeded(5000, "USD"));
        assertThat(t.outcome()).isEqualTo(Outcome.AMOUNT_MISMATCH);
        assertThat(t.state()).isEqualTo(PENDING);
    }

    @Test
    void aFailureIsRecordedWhilePayableAndIgnoredAfterwards() {
        Transition failed = OrderStateMachine.apply(PENDING, new Failed("Card declined"));
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILURE_RECORDED);
        assertThat(failed.state()).isEqualTo(PENDING);
        assertThat(failed.detail()).isEqualTo("Card declined");
        Transition late = OrderStateMachine.apply(PAID, new Failed("Card declined"));
        assertThat(late.outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(late.state()).isEqualTo(PAID);
    }

    @Test
    void aDuplicateSuccessAndACancellationOfAPaidOrderAreIgnored() {
        assertThat(OrderStateMachine.apply(PAID, new Succeeded(5000, "EUR")).outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(OrderStateMachine.apply(PAID, new Canceled()).state()).isEqualTo(PAID);
        State cancelled = OrderStateMachine.apply(PENDING, new Canceled()).state();
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderStateMachine.apply(cancelled, new Succeeded(5000, "EUR")).state()).isEqualTo(cancelled);
        assertThat(OrderStateMachine.apply(cancelled, new Refunded(5000, 5000, "EUR")).outcome())
                .isEqualTo(Outcome.IGNORED);
    }

    @Test
    void refundsAreCumulativeAndNeverGoBack() {
        State partly = OrderStateMachine.apply(PAID, new Refunded(5000, 1200, "EUR")).state();
        assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(partly.refunded()).isEqualTo(1200);
        State full = OrderStateMachine.apply(partly, new Refunded(5000, 5000, "EUR")).state();
        assertThat(full.status()).isEqualTo(OrderStatus.REFUNDED);
        Transition older = OrderStateMachine.apply(full, new Refunded(5000, 1200, "EUR"));
        assertThat(older.outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(older.state()).isEqualTo(full);
        assertThat(OrderStateMachine.apply(PAID, new Refunded(4000, 1000, "EUR")).outcome())
                .isEqualTo(Outcome.AMOUNT_MISMATCH);
        assertThat(OrderStateMachine.apply(PAID, new Refunded(5000, 6000, "EUR")).outcome())
                .isEqualTo(Outcome.AMOUNT_MISMATCH);
    }

    @Test
    void aRefundBeforeTheSuccessSettlesTheOrderAsPaid() {
        Transition t = OrderStateMachine.apply(PENDING, new Refunded(5000, 5000, "EUR"));
        assertThat(t.state().status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(t.becamePaid(PENDING)).isTrue();
    }

    private static final State EXPIRED = new State(OrderStatus.EXPIRED, 5000, "EUR", 0);

    @Test
    void aSuccessAfterExpiryIsFlaggedNotApplied() {
        Transition t = OrderStateMachine.apply(EXPIRED, new Succeeded(5000, "EUR"));
        assertThat(t.outcome()).isEqualTo(Outcome.PAID_AFTER_EXPIRY);
        assertThat(t.state()).isEqualTo(EXPIRED);
        assertThat(OrderStateMachine.apply(EXPIRED, new Succeeded(4000, "EUR")).outcome())
                .isEqualTo(Outcome.AMOUNT_MISMATCH);
    }

    @Test
    void anExpiredOrderIgnoresFailuresAndCancellationsAndEndsRefundedWhenRefundedInFull() {
        assertThat(OrderStateMachine.apply(EXPIRED, new Failed("x")).outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(OrderStateMachine.apply(EXPIRED, new Canceled()).outcome()).isEqualTo(Outcome.IGNORED);
        Transition partial = OrderStateMachine.apply(EXPIRED, new Refunded(5000, 2000, "EUR"));
        assertThat(partial.state()).isEqualTo(new State(OrderStatus.EXPIRED, 5000, "EUR", 2000));
        Transition full = OrderStateMachine.apply(partial.state(), new Refunded(5000, 5000, "EUR"));
        assertThat(full.state()).isEqualTo(new State(OrderStatus.REFUNDED, 5000, "EUR", 5000));
        assertThat(OrderStateMachine.apply(full.state(), new Refunded(5000, 2000, "EUR")).outcome())
                .isEqualTo(Outcome.IGNORED);
    }
}
