namespace Kok.Domain.Membership;

/// <summary>
/// One outcome for one dues period as it reached the member: the answer of an off-session charge, a webhook, a
/// checkout by link or a bank transfer recorded by staff. One object instead of a long parameter list, so every path
/// names what it knows and leaves the rest at its default.
/// </summary>
internal sealed record DuesSettlement(DateOnly PeriodStart, DuesOutcome Outcome, DateTimeOffset At)
{
    public string? PaymentIntentId { get; init; }

    /// <summary>What arrived; 0 means "the period's dues".</summary>
    public long AmountCents { get; init; }

    public string? FailureCode { get; init; }

    /// <summary>Set for a bank transfer: its reference and the day the money arrived.</summary>
    public TransferFacts? Transfer { get; init; }

    /// <summary>What a bank transfer adds to a paid dues entry: its reference and the day the money arrived.</summary>
    public sealed record TransferFacts(string Reference, DateTimeOffset PaidAt);
}
