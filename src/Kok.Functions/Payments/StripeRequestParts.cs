using System.Globalization;
using Kok.Domain.Payments;

namespace Kok.Functions.Payments;

/// <summary>The small pieces every Stripe request of ours is built from: method types, locale, metadata, return URLs.</summary>
internal static class StripeRequestParts
{
    public static string AppendQuery(string url, string query) =>
        url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    public static string PaymentMethodType(PaymentMethodKind kind) => kind switch
    {
        PaymentMethodKind.Card => "card",
        PaymentMethodKind.SepaDebit => "sepa_debit",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown payment method."),
    };

    /// <summary>Checkout's page language: German or English as the supporter chose, else Stripe's own guess.</summary>
    public static string Locale(string? locale)
    {
        var language = (locale ?? string.Empty).Split('-', '_')[0].ToLower(CultureInfo.InvariantCulture);
        return language is "de" or "en" ? language : "auto";
    }

    /// <summary>What identifies a dues payment in every later event: the member and the period.</summary>
    public static Dictionary<string, string> DuesMetadata(string memberId, string period) => new()
    {
        [PaymentMetadataKeys.MemberId] = memberId,
        [PaymentMetadataKeys.DuesPeriod] = period,
    };
}
