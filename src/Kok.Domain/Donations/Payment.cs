using Kok.Domain.Payments;

namespace Kok.Domain.Donations;

/// <summary>
/// One payment of a donation: the single payment of a one-time donation, or one invoice of a monthly one.
/// Its state is a set of facts, each only ever set to its earliest value (times) or grown (amounts), so merging the
/// same facts in any order gives the same payment; the status is derived from them by fixed precedence.
/// </summary>
public sealed class Payment
{
    private DateTimeOffset? paidAt;
    private DateTimeOffset? failedAt;
    private DateTimeOffset? refundedAt;

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

    public PaymentStatus Status =>
        RefundedAt is not null ? PaymentStatus.Refunded
        : PaidAt is not null ? PaymentStatus.Paid
        : FailedAt is not null ? PaymentStatus.Failed
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
        };
    }

    public PaymentSnapshot ToSnapshot() =>
        new(Id, AmountCents, PaymentIntentId, InvoiceId, CreatedAt, PaidAt, FailedAt, RefundedAt, RefundedCents);

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
