using System.Globalization;
using System.Text;
using Kok.Domain.Membership;
using Microsoft.Extensions.Configuration;

namespace Kok.Functions.Membership;

/// <summary>
/// Reads the membership settings: <c>Membership:MinimumAnnualAmount</c> (euros, "50.00"), <c>Links:SigningSecret</c>
/// (at least 32 bytes; required), <c>Links:CancelLinkDays</c> (default 60), <c>Links:PayDuesLinkDays</c> (default 120) and <c>PublicBaseUrl</c> (where links in
/// mails point; required).
/// </summary>
public static class MembershipConfiguration
{
    public static MembershipRules Rules(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration["Membership:MinimumAnnualAmount"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return MembershipRules.Default;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var euros)
            || decimal.Round(euros, 2) != euros || euros <= 0 || euros * 100 > MembershipRules.MaxAnnualAmountCents)
        {
            throw new InvalidOperationException(
                "Membership:MinimumAnnualAmount must be an amount in euros with at most two decimals, such as 50.00.");
        }

        return new MembershipRules((long)(euros * 100));
    }

    public static MemberLinks Links(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var secret = configuration["Links:SigningSecret"];
        if (string.IsNullOrEmpty(secret) || Encoding.UTF8.GetByteCount(secret) < MemberLinks.MinimumSecretBytes)
        {
            throw new InvalidOperationException(
                $"Links:SigningSecret must be set to a random secret of at least {MemberLinks.MinimumSecretBytes} characters.");
        }

        var days = configuration.GetValue("Links:CancelLinkDays", (int)MemberLinks.DefaultCancelLinkLifetime.TotalDays);
        if (days < 1)
        {
            throw new InvalidOperationException("Links:CancelLinkDays must be at least 1.");
        }

        var payDays = configuration.GetValue("Links:PayDuesLinkDays", (int)MemberLinks.DefaultPayDuesLinkLifetime.TotalDays);
        if (payDays < 1)
        {
            throw new InvalidOperationException("Links:PayDuesLinkDays must be at least 1.");
        }

        var baseUrl = PublicBaseUrl(configuration)
            ?? throw new InvalidOperationException("PublicBaseUrl must be set to the absolute URL the app is reached at.");
        return new MemberLinks(baseUrl, Encoding.UTF8.GetBytes(secret), TimeSpan.FromDays(days), TimeSpan.FromDays(payDays));
    }

    /// <summary><c>PublicBaseUrl</c>, where links in mails point, when it is set to an absolute URL; else null.</summary>
    public static Uri? PublicBaseUrl(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Uri.TryCreate(configuration["PublicBaseUrl"], UriKind.Absolute, out var baseUrl) ? baseUrl : null;
    }
}
