using Kok.Domain.Payments;

namespace Kok.Domain.Donations;

/// <summary>
/// One payment of a donation: the single payment of a one-time donation, or one invoice of a monthly one.
/// Its state is a set of facts, each only ever set to its earliest value (times) or grown (amounts), so merging the
/// same facts in any order gives the same payment; the status is derived from them by fixed precedence.
/// <para>
/// Money that comes back: a dispute (<see cref="Dispute"/>: open, won or lost) and a charge that failed after the
/// payment was paid (a returned SEPA debit: the last charge failure later than <see cref="PaidAt"/>; a failure
/// before it was an attempt that a later one replaced). Times decide, not the order the events came in.
/// </para>
/// </summary>
public sealed class Payment
{
    private DateTimeOffset? paidAt;
    private DateTimeOffset? failedAt;
    private DateTimeOffset? refundedAt;
    private DateTimeOffset? chargeFailedAt;
    private string? failureCode;
    private DateTimeOffset? failureCodeAt;

    internal Payment(string id, string? invoiceId, DateTimeOffset createdAt)
    {
        Id = id;
        InvoiceId = invoiceId;
        CreatedAt = createdAt;
    }

    public string Id { get; }

    public long AmountCents { get; private set; }

    public string? PaymentIntentId { get; private set; }

    /// <summary>The provider's invoice for a payment of a monthly donation; null for a one-time donation.</summary>
    public string? InvoiceId { get; }

    /// <summary>When the provider first reported the payment.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PaidAt => paidAt;

    public DateTimeOffset? FailedAt => failedAt;

    /// <summary>When the payment was fully paid back.</summary>
    public DateTimeOffset? RefundedAt => refundedAt;

    /// <summary>How much has been paid back so far (partial refunds keep the payment paid).</summary>
    public long RefundedCents { get; private set; }

    /// <summary>The latest time a charge of this payment was reported failed (a decline, or a returned debit).</summary>
    public DateTimeOffset? ChargeFailedAt => chargeFailedAt;

    /// <summary>The provider's code of the latest failure (<see cref="PaymentProblemTexts.ForFailureCode"/>); null if none.</summary>
    public string? FailureCode => failureCode;

    /// <summary>The SEPA mandate a failed charge of this payment named (to count returns per mandate); null if none.</summary>
    public string? MandateId { get; private set; }

    /// <summary>The dispute of this payment, if one was opened.</summary>
    public PaymentDisputeFacts? Dispute { get; private set; }

    /// <summary>A charge failed after the payment had been paid: the bank returned the debit.</summary>
    public bool ReturnedByBank => paidAt is { } paid && chargeFailedAt is { } failed && failed > paid;

    /// <summary>When the money was taken back for good (returned debit or lost dispute); null otherwise.</summary>
    public DateTimeOffset? ReturnedAt =>
        Dispute is { Lost: true } lost ? lost.ClosedAt ?? lost.OpenedAt
        : ReturnedByBank ? chargeFailedAt
        : null;

    public PaymentStatus Status =>
        RefundedAt is not null ? PaymentStatus.Refunded
        : ReturnedAt is not null ? PaymentStatus.Returned
        : Dispute is { IsOpen: true } ? PaymentStatus.Disputed
        : PaidAt is not null ? PaymentStatus.Paid
        : FailedAt is not null || chargeFailedAt is not null ? PaymentStatus.Failed
        : PaymentStatus.Processing;

    public static Payment FromSnapshot(PaymentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new Payment(snapshot.Id, snapshot.InvoiceId, snapshot.CreatedAt)
        {
            AmountCents = snapshot.AmountCents,
            PaymentIntentId = snapshot.PaymentIntentId,
            paidAt = snapshot.PaidAt,
            failedAt = snapshot.FailedAt,
            refundedAt = snapshot.RefundedAt,
            RefundedCents = snapshot.RefundedCents,
            chargeFailedAt = snapshot.ChargeFailedAt,
            failureCode = snapshot.FailureCode,
            failureCodeAt = snapshot.FailureCodeAt,
            Dispute = snapshot.Dispute,
            MandateId = snapshot.MandateId,
        };
    }

    public PaymentSnapshot ToSnapshot() =>
        new(Id, AmountCents, PaymentIntentId, InvoiceId, CreatedAt, PaidAt, FailedAt, RefundedAt, RefundedCents)
        {
            ChargeFailedAt = chargeFailedAt,
            FailureCode = failureCode,
            FailureCodeAt = failureCodeAt,
            Dispute = Dispute,
            MandateId = MandateId,
        };

    /// <summary>The provider reported the payment with this amount and payment intent at <paramref name="at"/>.</summary>
    internal bool Observe(long amountCents, string? paymentIntentId, DateTimeOffset at)
    {
        var changed = false;
        if (amountCents > AmountCents)
        {
            AmountCents = amountCents;
            changed = true;
        }

        if (PaymentIntentId is null && !string.IsNullOrEmpty(paymentIntentId))
        {
            PaymentIntentId = paymentIntentId;
            changed = true;
        }

        if (at < CreatedAt)
        {
            CreatedAt = at;
            changed = true;
        }

        return changed;
    }

    internal bool MarkPaid(DateTimeOffset at) => ConvergentFacts.Earliest(ref paidAt, at);

    internal bool MarkFailed(DateTimeOffset at) => ConvergentFacts.Earliest(ref failedAt, at);

    /// <summary>A charge of this payment failed at <paramref name="at"/> (kept: the latest such time).</summary>
    internal bool MarkChargeFailed(DateTimeOffset at, string? code, string? mandateId)
    {
        var mandate = MandateId;
        var changed = ConvergentFacts.Latest(ref chargeFailedAt, at) | LearnFailureCode(code, at) | ConvergentFacts.Once(ref mandate, mandateId);
        MandateId = mandate;
        return changed;
    }

    /// <summary>The code of the latest failure reported with one (ties by code, so any order ends the same).</summary>
    internal bool LearnFailureCode(string? code, DateTimeOffset at) =>
        ConvergentFacts.LatestWithValue(ref failureCodeAt, ref failureCode, at, code);

    /// <summary>Merges what one dispute event says (see <see cref="PaymentDisputeFacts.Merge"/>).</summary>
    internal bool RecordDispute(PaymentDispute dispute, DateTimeOffset eventCreated)
    {
        var merged = PaymentDisputeFacts.Merge(Dispute, dispute, eventCreated);
        if (merged == Dispute)
        {
            return false;
        }

        Dispute = merged;
        return true;
    }

    /// <summary><paramref name="totalRefundedCents"/> is cumulative, as the provider reports it.</summary>
    internal bool RecordRefund(long totalRefundedCents, bool fully, DateTimeOffset at)
    {
        var changed = false;
        if (totalRefundedCents > RefundedCents)
        {
            RefundedCents = totalRefundedCents;
            changed = true;
        }

        if (fully)
        {
            changed |= ConvergentFacts.Earliest(ref refundedAt, at);
        }

        return changed;
    }
}
