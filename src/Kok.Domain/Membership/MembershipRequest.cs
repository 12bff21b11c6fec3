using System.Globalization;
using Kok.Domain.Common;
using Kok.Domain.Payments;

namespace Kok.Domain.Membership;

/// <summary>A validated, normalised sign-up. <see cref="ContactPerson"/> is null for a person.</summary>
public sealed record MembershipRequest(
    MemberKind Kind,
    string Name,
    string? ContactPerson,
    string Email,
    PostalAddress Address,
    long AnnualAmountCents,
    PaymentMethodKind PaymentMethod,
    string Locale,
    bool ListPublicly)
{
    /// <summary>Identifies "the same request" for idempotency: equal values give equal fingerprints.</summary>
    public string Fingerprint() => RequestFingerprint.Compute(
        Kind.ToString(),
        Name,
        ContactPerson,
        Email,
        Address.Street,
        Address.PostalCode,
        Address.City,
        Address.Country,
        AnnualAmountCents.ToString(CultureInfo.InvariantCulture),
        PaymentMethod.ToString(),
        Locale,
        ListPublicly ? "public" : "private");
}
