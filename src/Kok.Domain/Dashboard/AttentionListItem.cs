namespace Kok.Domain.Dashboard;

/// <summary>
/// One row of the "Needs attention" list as the API shows it: the item, its reason in German and English
/// (<see cref="Payments.PaymentProblemTexts"/>), the supporter's page, and when and by whom it was marked done.
/// </summary>
public sealed record AttentionListItem(
    string Key,
    AttentionKind Kind,
    string SubjectKind,
    string SubjectId,
    string? PaymentId,
    string SupporterName,
    long AmountCents,
    DateTimeOffset At,
    string ReasonCode,
    string ReasonGerman,
    string ReasonEnglish,
    string Link)
{
    public static AttentionListItem From(AttentionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reason = item.Kind is AttentionKind.Disputed || item.Kind is AttentionKind.Returned && item.ReasonCode.Length > 0 && IsDisputeReason(item.ReasonCode)
            ? Payments.PaymentProblemTexts.ForDisputeReason(item.ReasonCode)
            : Payments.PaymentProblemTexts.ForFailureCode(item.ReasonCode);
        return new AttentionListItem(
            item.Key, item.Kind, item.SubjectKind, item.SubjectId, item.PaymentId, item.SupporterName, item.AmountCents, item.At,
            item.ReasonCode, reason.German, reason.English,
            item.SubjectKind == "member" ? $"/dashboard#member/{item.SubjectId}" : $"/dashboard#donation/{item.SubjectId}");
    }

    private static bool IsDisputeReason(string code) => code is "general" or "fraudulent" or "unrecognized" or "duplicate"
        or "subscription_canceled" or "credit_not_processed" or "product_not_received" or "product_unacceptable";
}
