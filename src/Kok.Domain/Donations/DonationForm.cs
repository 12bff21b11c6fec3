using Kok.Domain.Common;

namespace Kok.Domain.Donations;

/// <summary>
/// The body of <c>POST /api/donations</c> as the HTTP layer read it. Everything is nullable so a missing field is
/// reported by name; enum-like fields are raw strings so an unknown value is reported too.
/// </summary>
public sealed record DonationForm
{
    /// <summary>Euros, as the JSON number was written (e.g. 25.50).</summary>
    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    /// <summary>"once" or "monthly".</summary>
    public string? Interval { get; init; }

    /// <summary>"card" or "sepa_debit".</summary>
    public string? PaymentMethod { get; init; }

    public ContactForm? Donor { get; init; }

    public bool? WantsReceipt { get; init; }

    /// <summary>"de" or "en"; defaults to "de".</summary>
    public string? Locale { get; init; }

    /// <summary>Honeypot: hidden from people, so it must stay empty.</summary>
    public string? Website { get; init; }

    /// <summary>
    /// JSON paths ("amount", "donor.address") whose value had the wrong JSON type and so could not be put into
    /// this form; validation reports them instead of calling them missing.
    /// </summary>
    public IReadOnlyCollection<string> WrongTypeFields { get; init; } = [];
}
