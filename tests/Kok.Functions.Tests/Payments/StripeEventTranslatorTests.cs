using Kok.Domain.Payments;
using Kok.Functions.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Kok.Functions.Tests.Payments;

public sealed class StripeEventTranslatorTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1767225700);

    private readonly FakeTimeProvider clock = new(Now);
    private readonly StripeEventTranslator translator;

    public StripeEventTranslatorTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Stripe:WebhookSecret"] = StripeFixtures.WebhookSecret })
            .Build();
        translator = new StripeEventTranslator(configuration, clock);
    }

    [Fact]
    public void Card_checkout_completed_is_paid()
    {
        var completed = Translated<CheckoutCompleted>("checkout.session.completed.card");

        Assert.Equal("evt_1SxKoKAbCdEfGhIjCc0mPl01", completed.EventId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225600), completed.Created);
        Assert.Equal("cs_test_a1Qw3rTy5uIoP7aSdFgHjKl9ZxCvBnM2QwErTyUiOp3aSdFgHjKl", completed.SessionId);
        Assert.Equal("don_7Hk2Pq", completed.ClientReferenceId);
        Assert.Equal("don_7Hk2Pq", completed.MetadataValue("donationId"));
        Assert.True(completed.Paid);
        Assert.False(completed.SubscriptionMode);
        Assert.Equal("pi_3SxKoJAbCdEfGhIj0aBcDe12", completed.PaymentIntentId);
        Assert.Null(completed.SubscriptionId);
        Assert.Null(completed.CustomerId);
        Assert.Equal(2500, completed.AmountTotalCents);
    }

    [Fact]
    public void Sepa_checkout_completed_is_not_yet_paid()
    {
        var completed = Translated<CheckoutCompleted>("checkout.session.completed.sepa");

        Assert.False(completed.Paid);
        Assert.Equal("pi_3SxKoJAbCdEfGhIj1SePa034", completed.PaymentIntentId);
        Assert.Equal("don_Sepa01", completed.MetadataValue("donationId"));
    }

    [Fact]
    public void Subscription_checkout_completed_carries_subscription_and_customer()
    {
        var completed = Translated<CheckoutCompleted>("checkout.session.completed.subscription");

        Assert.True(completed.SubscriptionMode);
        Assert.True(completed.Paid);
        Assert.Null(completed.PaymentIntentId);
        Assert.Equal("sub_1SxKoLAbCdEfGhIjMoNtHl01", completed.SubscriptionId);
        Assert.Equal("cus_TuVwXyZ0123456", completed.CustomerId);
        Assert.Equal(1000, completed.AmountTotalCents);
        Assert.Equal("don_Monthly1", completed.ClientReferenceId);
    }

    [Fact]
    public void A_checkout_in_setup_mode_is_a_payment_method_set_up_never_a_checkout_of_a_payment()
    {
        var setUp = Translated<PaymentMethodSetUp>("checkout.session.completed.setup");

        Assert.Equal("seti_1SxKoMAbCdEfGhIjSeTuP001", setUp.SetupIntentId);
        Assert.Equal("mem_abcdefghijklmnopqrst", setUp.MetadataValue(PaymentMetadataKeys.MemberId));
    }

    [Fact]
    public void A_succeeded_setup_intent_names_itself_and_our_id()
    {
        var setUp = Translated<PaymentMethodSetUp>("setup_intent.succeeded");

        Assert.Equal(("evt_1SxKoMAbCdEfGhIjSeTuP0a2", "seti_1SxKoMAbCdEfGhIjSeTuP001"), (setUp.EventId, setUp.SetupIntentId));
        Assert.Equal("mem_abcdefghijklmnopqrst", setUp.MetadataValue(PaymentMetadataKeys.MemberId));
    }

    [Fact]
    public void Async_payment_succeeded_and_failed()
    {
        var succeeded = Translated<AsyncPaymentSucceeded>("checkout.session.async_payment_succeeded");
        Assert.Equal("evt_1SxKoKAbCdEfGhIjAsYnC003", succeeded.EventId);
        Assert.Equal("don_Sepa01", succeeded.ClientReferenceId);
        Assert.Equal("pi_3SxKoJAbCdEfGhIj1SePa034", succeeded.PaymentIntentId);
        Assert.Equal(2500, succeeded.AmountTotalCents);
        Assert.Equal("don_Sepa01", succeeded.MetadataValue("donationId"));

        var failed = Translated<AsyncPaymentFailed>("checkout.session.async_payment_failed");
        Assert.Equal("evt_1SxKoKAbCdEfGhIjAsYnF004", failed.EventId);
        Assert.Equal("cs_test_b2SepaUnpaid0000000000000000000000000000000000000000", failed.SessionId);
        Assert.Equal("pi_3SxKoJAbCdEfGhIj1SePa034", failed.PaymentIntentId);
    }

    [Fact]
    public void First_invoice_reads_subscription_and_metadata_from_parent_and_payment_intent_from_payments()
    {
        var paid = Translated<InvoicePaid>("invoice.paid.first");

        Assert.Equal("in_1SxKoLAbCdEfGhIjFiRsT001", paid.InvoiceId);
        Assert.Equal("sub_1SxKoLAbCdEfGhIjMoNtHl01", paid.SubscriptionId);
        Assert.Equal("pi_3SxKoLAbCdEfGhIj0SuBs001", paid.PaymentIntentId);
        Assert.Equal(1000, paid.AmountPaidCents);
        Assert.True(paid.FirstOfSubscription);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225600), paid.PaidAt);
        Assert.Equal("don_Monthly1", paid.MetadataValue("donationId"));
    }

    [Fact]
    public void Renewal_invoice_without_payments_list_is_not_first_and_has_no_payment_intent()
    {
        clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(1769907700));

        var paid = Translated<InvoicePaid>("invoice.paid.renewal", at: clock.GetUtcNow());

        Assert.False(paid.FirstOfSubscription);
        Assert.Null(paid.PaymentIntentId);
        Assert.Equal("sub_1SxKoLAbCdEfGhIjMoNtHl01", paid.SubscriptionId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1769907600), paid.PaidAt);
        Assert.Equal("don_Monthly1", paid.MetadataValue("donationId"));
    }

    [Fact]
    public void Invoice_in_pre_basil_shape_is_read_from_its_top_level_fields()
    {
        var paid = Translated<InvoicePaid>("invoice.paid.acacia");

        Assert.Equal("sub_1OldAbCdEfGhIjAcAcIaSub1", paid.SubscriptionId);
        Assert.Equal("pi_3OldAbCdEfGhIjAcAcIaPi01", paid.PaymentIntentId);
        Assert.Equal("don_Legacy1", paid.MetadataValue("donationId"));
        Assert.True(paid.FirstOfSubscription);
    }

    [Fact]
    public void Subscription_deleted_ends_the_subscription()
    {
        clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(1772323300));

        var ended = Translated<SubscriptionEnded>("customer.subscription.deleted", at: clock.GetUtcNow());

        Assert.Equal("sub_1SxKoLAbCdEfGhIjMoNtHl01", ended.SubscriptionId);
        Assert.Equal("don_Monthly1", ended.MetadataValue("donationId"));
    }

    [Fact]
    public void Partial_refund_is_reported_with_amount_and_payment_intent()
    {
        clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(1767830400));

        var refunded = Translated<ChargeRefunded>("charge.refunded", at: clock.GetUtcNow());

        Assert.Equal("ch_3SxKoJAbCdEfGhIj0aBcDe12", refunded.ChargeId);
        Assert.Equal("pi_3SxKoJAbCdEfGhIj0aBcDe12", refunded.PaymentIntentId);
        Assert.Equal(1000, refunded.AmountRefundedCents);
        Assert.False(refunded.FullyRefunded);
        Assert.Empty(refunded.Metadata);
    }

    [Fact]
    public void Payment_intent_succeeded_carries_amount_received_and_dues_metadata()
    {
        var succeeded = Translated<PaymentIntentSucceeded>("payment_intent.succeeded");

        Assert.Equal("evt_3SyDuEsAbCdEfGhIj0PiSu021", succeeded.EventId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225640), succeeded.Created);
        Assert.Equal("pi_3SyDuEsAbCdEfGhIj0DuEs01", succeeded.PaymentIntentId);
        Assert.Equal(6000, succeeded.AmountCents);
        Assert.Equal("mem_Yearly01", succeeded.MetadataValue(PaymentMetadataKeys.MemberId));
        Assert.Equal(new DateOnly(2026, 3, 1), PaymentMetadataKeys.PeriodOf(succeeded));
    }

    [Fact]
    public void Payment_intent_failed_carries_the_failure_code_but_not_the_message()
    {
        clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(1767830400));

        var failed = Translated<PaymentIntentFailed>("payment_intent.payment_failed", at: clock.GetUtcNow());

        Assert.Equal("pi_3SyDuEsAbCdEfGhIj1SePa02", failed.PaymentIntentId);
        Assert.Equal("insufficient_funds", failed.FailureCode);
        Assert.Equal("mem_Sepa02", failed.MetadataValue(PaymentMetadataKeys.MemberId));
        Assert.Equal(new DateOnly(2026, 3, 1), PaymentMetadataKeys.PeriodOf(failed));
        Assert.DoesNotContain(failed.ToString(), "Mustermann", StringComparison.Ordinal);
    }

    [Fact]
    public void Payment_intent_failed_falls_back_to_the_decline_code()
    {
        var json = StripeFixtures.Load("payment_intent.payment_failed")
            .Replace("\"code\": \"insufficient_funds\"", "\"code\": null", StringComparison.Ordinal)
            .Replace("\"decline_code\": null", "\"decline_code\": \"generic_decline\"", StringComparison.Ordinal);
        var at = DateTimeOffset.FromUnixTimeSeconds(1767830400);
        clock.SetUtcNow(at);

        var result = translator.Translate(json, StripeFixtures.Sign(json, at));

        Assert.Equal("generic_decline", Assert.IsType<PaymentIntentFailed>(result.Event).FailureCode);
    }

    [Fact]
    public void Unknown_event_type_is_ignored()
    {
        var json = StripeFixtures.Load("payment_intent.created");

        var result = translator.Translate(json, StripeFixtures.Sign(json, Now));

        Assert.Equal(StripeEventTranslationStatus.Ignored, result.Status);
        Assert.Equal("evt_3SxKoJAbCdEfGhIj0PiCr011", result.StripeEventId);
        Assert.Equal("payment_intent.created", result.StripeEventType);
        Assert.Null(result.Event);
    }

    [Fact]
    public void Event_from_an_account_on_another_api_version_is_still_translated()
    {
        var json = StripeFixtures.Load("checkout.session.completed.card")
            .Replace("\"api_version\": \"2026-10-28.endive\"", "\"api_version\": \"2025-03-31.basil\"", StringComparison.Ordinal);
        Assert.Contains("2025-03-31.basil", json, StringComparison.Ordinal);

        var result = translator.Translate(json, StripeFixtures.Sign(json, Now));

        Assert.Equal(StripeEventTranslationStatus.Translated, result.Status);
        Assert.True(Assert.IsType<CheckoutCompleted>(result.Event).Paid);
    }

    [Fact]
    public void Signature_with_another_secret_is_rejected()
    {
        var json = StripeFixtures.Load("checkout.session.completed.card");

        var result = translator.Translate(json, StripeFixtures.Sign(json, Now, "whsec_forged"));

        Assert.Equal(StripeEventTranslationStatus.InvalidSignature, result.Status);
        Assert.Null(result.Event);
    }

    [Fact]
    public void Tampered_payload_is_rejected()
    {
        var json = StripeFixtures.Load("checkout.session.completed.card");
        var signature = StripeFixtures.Sign(json, Now);

        var result = translator.Translate(json.Replace("2500", "250000", StringComparison.Ordinal), signature);

        Assert.Equal(StripeEventTranslationStatus.InvalidSignature, result.Status);
    }

    [Fact]
    public void Signature_older_than_five_minutes_is_rejected()
    {
        var json = StripeFixtures.Load("checkout.session.completed.card");
        var signature = StripeFixtures.Sign(json, Now);

        clock.Advance(TimeSpan.FromSeconds(StripeEventTranslator.ToleranceSeconds));
        Assert.Equal(StripeEventTranslationStatus.Translated, translator.Translate(json, signature).Status);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(StripeEventTranslationStatus.InvalidSignature, translator.Translate(json, signature).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("t=abc,v1=00")]
    public void Missing_or_unparseable_signature_header_is_rejected(string? header)
    {
        var json = StripeFixtures.Load("checkout.session.completed.card");

        Assert.Equal(StripeEventTranslationStatus.InvalidSignature, translator.Translate(json, header).Status);
    }

    [Fact]
    public void Signed_payload_that_is_not_an_event_is_malformed()
    {
        const string json = "{\"hello\":";

        Assert.Equal(StripeEventTranslationStatus.Malformed, translator.Translate(json, StripeFixtures.Sign(json, Now)).Status);
    }

    [Fact]
    public void Event_whose_object_does_not_match_its_type_is_malformed()
    {
        var json = StripeFixtures.Load("charge.refunded")
            .Replace("\"type\": \"charge.refunded\"", "\"type\": \"invoice.paid\"", StringComparison.Ordinal);

        var result = translator.Translate(json, StripeFixtures.Sign(json, Now));

        Assert.Equal(StripeEventTranslationStatus.Malformed, result.Status);
        Assert.Equal("invoice.paid", result.StripeEventType);
    }

    [Fact]
    public void A_sepa_dispute_names_its_payment_reason_and_status()
    {
        var opened = TranslatedWhenSent<DisputeOpened>("charge.dispute.created");

        Assert.Equal("dp_1SxKoJAbCdEfGhIjSePaDp01", opened.Dispute.DisputeId);
        Assert.Equal("pi_3SxKoJAbCdEfGhIj1SePa034", opened.Dispute.PaymentIntentId);
        Assert.Equal("ch_3SxKoJAbCdEfGhIj1SePa034", opened.Dispute.ChargeId);
        Assert.Equal(2500, opened.Dispute.AmountCents);
        Assert.Equal("general", opened.Dispute.ReasonCode);
        Assert.Equal(DisputeStatus.Open, opened.Dispute.Status);
        Assert.Null(opened.Dispute.EvidenceDueBy);
        Assert.Empty(opened.Metadata);

        var closed = TranslatedWhenSent<DisputeClosed>("charge.dispute.closed");
        Assert.Equal(DisputeStatus.Lost, closed.Dispute.Status);
        Assert.True(closed.MoneyLost);
    }

    [Fact]
    public void A_returned_sepa_debit_keeps_the_failure_code_and_mandate_never_the_message()
    {
        var failed = TranslatedWhenSent<ChargeFailed>("charge.failed.sepa");

        Assert.Equal("pi_3SxKoJAbCdEfGhIj1SePa034", failed.PaymentIntentId);
        Assert.Equal("insufficient_funds", failed.FailureCode);
        Assert.Equal(PaymentMethodKind.SepaDebit, failed.Method);
        Assert.Equal("mandate_1SxKoKAbCdEfGhIjMaNd0001", failed.MandateId);
        Assert.DoesNotContain("insufficient funds", System.Text.Json.JsonSerializer.Serialize(failed), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_failure_code_that_is_not_a_code_is_dropped()
    {
        var json = StripeFixtures.Load("charge.failed.sepa")
            .Replace("\"failure_code\": \"insufficient_funds\"", "\"failure_code\": \"<b>Call 0800</b>\"", StringComparison.Ordinal);

        clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(1768003200));
        var result = translator.Translate(json, StripeFixtures.Sign(json, clock.GetUtcNow()));

        Assert.Null(Assert.IsType<ChargeFailed>(result.Event).FailureCode);
    }

    [Fact]
    public void A_failed_subscription_invoice_names_the_subscription_attempt_and_next_try()
    {
        var failed = TranslatedWhenSent<InvoicePaymentFailed>("invoice.payment_failed");

        Assert.Equal("sub_1SxKoLAbCdEfGhIjMoNtHl01", failed.SubscriptionId);
        Assert.Equal(1000, failed.AmountDueCents);
        Assert.Equal(1, failed.AttemptCount);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1770000000), failed.NextAttemptAt);
        Assert.False(failed.FirstOfSubscription);
        Assert.NotNull(failed.MetadataValue("donationId"));
    }

    [Fact]
    public void A_paid_invoice_payment_links_the_invoice_to_its_payment_intent()
    {
        var paid = TranslatedWhenSent<InvoicePaymentPaid>("invoice_payment.paid");

        Assert.Equal("in_1TzLpMAbCdEfGhIjCyClE002", paid.InvoiceId);
        Assert.Equal("pi_3TzLpMAbCdEfGhIjReNw0002", paid.PaymentIntentId);
        Assert.Equal(1000, paid.AmountPaidCents);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1769907600), paid.PaidAt);
        Assert.Empty(paid.Metadata);
    }

    [Theory]
    [InlineData("\"status\": \"paid\"", "\"status\": \"open\"")]
    [InlineData("\"type\": \"payment_intent\"", "\"type\": \"payment_record\"")]
    [InlineData("\"payment_intent\": \"pi_3TzLpMAbCdEfGhIjReNw0002\",", "")]
    public void An_invoice_payment_not_paid_by_a_payment_intent_is_ignored(string from, string to)
    {
        var json = StripeFixtures.Load("invoice_payment.paid").Replace(from, to, StringComparison.Ordinal);

        clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(1769907701));
        var result = translator.Translate(json, StripeFixtures.Sign(json, clock.GetUtcNow()));

        Assert.Equal(StripeEventTranslationStatus.Ignored, result.Status);
    }

    [Fact]
    public void An_invoice_payment_whose_payment_intent_is_not_a_stripe_id_is_malformed()
    {
        var json = StripeFixtures.Load("invoice_payment.paid").Replace("pi_3TzLpMAbCdEfGhIjReNw0002", "pi_../x", StringComparison.Ordinal);

        clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(1769907701));
        var result = translator.Translate(json, StripeFixtures.Sign(json, clock.GetUtcNow()));

        Assert.Equal(StripeEventTranslationStatus.Malformed, result.Status);
        Assert.Equal(["data.object.payment.payment_intent"], result.Errors!.Keys);
    }

    [Fact]
    public void A_subscription_update_says_its_state_and_the_one_before()
    {
        var updated = TranslatedWhenSent<SubscriptionUpdated>("customer.subscription.updated");

        Assert.Equal("sub_1SxKoLAbCdEfGhIjMoNtHl01", updated.SubscriptionId);
        Assert.Equal(SubscriptionState.PastDue, updated.State);
        Assert.Equal(SubscriptionState.Active, updated.PreviousState);
        Assert.False(updated.CollectionPaused);
    }

    /// <summary>Signed and checked at the event's own creation time.</summary>
    private T TranslatedWhenSent<T>(string fixture)
        where T : PaymentEvent
    {
        using var document = System.Text.Json.JsonDocument.Parse(StripeFixtures.Load(fixture));
        clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(document.RootElement.GetProperty("created").GetInt64()));
        return Translated<T>(fixture, clock.GetUtcNow());
    }

    private T Translated<T>(string fixture, DateTimeOffset? at = null)
        where T : PaymentEvent
    {
        var json = StripeFixtures.Load(fixture);
        var result = translator.Translate(json, StripeFixtures.Sign(json, at ?? Now));
        Assert.Equal(StripeEventTranslationStatus.Translated, result.Status);
        return Assert.IsType<T>(result.Event);
    }
}
