namespace Kok.Domain.Payments;

/// <summary>
/// What is known about the dispute of one payment, merged from the provider's dispute events in any order: every event
/// carries the dispute's whole snapshot, so opening time, reason and amount are known from whichever came first, and
/// a decision, once seen, stays (a lost dispute is final; a won one cannot be lost afterwards).
/// Inquiries (questions before a chargeback, no money taken) are not recorded: nothing happened to the money.
/// </summary>
/// <param name="Lost">Null while open; true when decided for the payer (money gone), false when decided for the
/// association (won, or prevented and then refunded, which the refund records).</param>
public sealed record PaymentDisputeFacts(
    string DisputeId,
    string ReasonCode,
    long AmountCents,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    bool? Lost)
{
    public bool IsOpen => Lost is null;

    /// <summary>
    /// <paramref name="known"/> with <paramref name="dispute"/>'s snapshot merged in; <paramref name="known"/> itself when
    /// it tells nothing new, or when the snapshot is only an inquiry. A decision is dated by the event that reports it.
    /// </summary>
    public static PaymentDisputeFacts? Merge(PaymentDisputeFacts? known, PaymentDispute dispute, DateTimeOffset eventCreated)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        if (dispute.Status is DisputeStatus.Inquiry or DisputeStatus.InquiryClosed)
        {
            return known;
        }

        bool? lost = dispute.Status switch
        {
            DisputeStatus.Lost => true,
            DisputeStatus.Won or DisputeStatus.Prevented => false,
            _ => null,
        };

        if (known is null)
        {
            return new PaymentDisputeFacts(
                dispute.DisputeId, dispute.ReasonCode, dispute.AmountCents, dispute.OpenedAt, lost is null ? null : eventCreated, lost);
        }

        var opened = dispute.OpenedAt < known.OpenedAt ? dispute.OpenedAt : known.OpenedAt;
        var amount = Math.Max(known.AmountCents, dispute.AmountCents);
        // Lost beats won: the provider decides once, so a conflict only comes from a faulty sender; money gone is the safe side.
        var decided = known.Lost == true || lost == true ? true : known.Lost ?? lost;
        DateTimeOffset? closedAt = lost is null ? known.ClosedAt
            : known.ClosedAt is { } c && c <= eventCreated ? c
            : eventCreated;
        var reason = string.CompareOrdinal(known.ReasonCode, dispute.ReasonCode) <= 0 ? known.ReasonCode : dispute.ReasonCode;
        var merged = known with { OpenedAt = opened, AmountCents = amount, Lost = decided, ClosedAt = decided is null ? null : closedAt, ReasonCode = reason };
        return merged == known ? known : merged;
    }
}
