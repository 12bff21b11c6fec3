using System.Globalization;

namespace Kok.Domain.Dashboard;

/// <summary>
/// One thing staff must act on, as derived from a donation or member (<see cref="AttentionItems"/>): what, about
/// which payment, why (the provider's code), how much and since when. <see cref="Key"/> sorts the list newest first
/// and names the item for "done". Personal data: <see cref="SupporterName"/>; a class, so it is never printed whole.
/// </summary>
public sealed class AttentionItem
{
    public required AttentionKind Kind { get; init; }

    /// <summary>"donation" or "member".</summary>
    public required string SubjectKind { get; init; }

    public required string SubjectId { get; init; }

    public string? PaymentId { get; init; }

    /// <summary>The provider's reason or failure code; empty when none was given.</summary>
    public required string ReasonCode { get; init; }

    public required long AmountCents { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string SupporterName { get; init; }

    /// <summary>Newest first: inverted ticks, then subject, kind and payment, so the key is stable for the same fact.</summary>
    public string Key =>
        (DateTimeOffset.MaxValue.UtcTicks - At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)
        + "_" + SubjectId + "_" + Kind.ToString() + "_" + (PaymentId ?? "none");
}
