using Kok.Domain.Common;

namespace Kok.Domain.Membership;

/// <summary>
/// The body of <c>POST /api/memberships</c> as the HTTP layer read it. Everything is nullable so a missing field is
/// reported by name; enum-like fields are raw strings so an unknown value is reported too.
/// </summary>
public sealed record MembershipForm
{
    /// <summary>"person", "organisation" or "group".</summary>
    public string? Kind { get; init; }

    /// <summary>The person's name, or the organisation's or group's.</summary>
    public string? Name { get; init; }

    /// <summary>Who speaks for an organisation or group; required for those, ignored for a person.</summary>
    public string? ContactPerson { get; init; }

    public string? Email { get; init; }

    public AddressForm? Address { get; init; }

    /// <summary>Euros per year, as the JSON number was written (e.g. 60.00).</summary>
    public decimal? AnnualAmount { get; init; }

    /// <summary>"sepa_debit" or "card".</summary>
    public string? PaymentMethod { get; init; }

    /// <summary>"de" or "en"; defaults to "de".</summary>
    public string? Locale { get; init; }

    public MembershipConsentsForm? Consents { get; init; }

    /// <summary>Honeypot: hidden from people, so it must stay empty.</summary>
    public string? Website { get; init; }

    /// <summary>JSON paths whose value had the wrong JSON type; validation reports them instead of calling them missing.</summary>
    public IReadOnlyCollection<string> WrongTypeFields { get; init; } = [];
}
