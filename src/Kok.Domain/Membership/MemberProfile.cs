using Kok.Domain.Common;
using Kok.Domain.Payments;

namespace Kok.Domain.Membership;

/// <summary>
/// Who the member is and what they give, as they told us at sign-up: the data a member may later correct and the
/// privacy rules must find. Personal data: a class, not a record, so it cannot be printed by accident.
/// </summary>
public sealed class MemberProfile
{
    public required MemberKind Kind { get; init; }

    /// <summary>The person's, organisation's or group's name.</summary>
    public required string Name { get; init; }

    /// <summary>Who speaks for an organisation or group; null for a person.</summary>
    public required string? ContactPerson { get; init; }

    public required string Email { get; init; }

    public required PostalAddress Address { get; init; }

    public required long AnnualAmountCents { get; init; }

    /// <summary>The payment method chosen on the form.</summary>
    public required PaymentMethodKind PaymentMethod { get; init; }

    public required string Locale { get; init; }

    public required PrivacyConsent Consent { get; init; }

    public static MemberProfile From(MembershipRequest request, PrivacyConsent consent)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new MemberProfile
        {
            Kind = request.Kind,
            Name = request.Name,
            ContactPerson = request.Kind == MemberKind.Person ? null : request.ContactPerson,
            Email = request.Email,
            Address = request.Address,
            AnnualAmountCents = request.AnnualAmountCents,
            PaymentMethod = request.PaymentMethod,
            Locale = request.Locale,
            Consent = consent,
        };
    }

    /// <summary>The same profile with another annual amount.</summary>
    public MemberProfile WithAnnualAmount(long amountCents) => Copy(amountCents: amountCents);

    /// <summary>The same profile with another postal address.</summary>
    public MemberProfile WithAddress(PostalAddress address) => Copy(address: address);

    /// <summary>The same profile with another payment method (one the member set up later).</summary>
    public MemberProfile WithPaymentMethod(PaymentMethodKind method) => Copy(method: method);

    // One copy for every "With": a class has no `with` expression, and three hand-written copies drift apart.
    private MemberProfile Copy(long? amountCents = null, PostalAddress? address = null, PaymentMethodKind? method = null) => new()
    {
        Kind = Kind,
        Name = Name,
        ContactPerson = ContactPerson,
        Email = Email,
        Address = address ?? Address,
        AnnualAmountCents = amountCents ?? AnnualAmountCents,
        PaymentMethod = method ?? PaymentMethod,
        Locale = Locale,
        Consent = Consent,
    };

    public static MemberProfile From(MemberSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new MemberProfile
        {
            Kind = snapshot.Kind,
            Name = snapshot.Name,
            ContactPerson = snapshot.ContactPerson,
            Email = snapshot.Email,
            Address = snapshot.Address,
            AnnualAmountCents = snapshot.AnnualAmountCents,
            PaymentMethod = snapshot.PaymentMethod,
            Locale = snapshot.Locale,
            Consent = snapshot.Consent,
        };
    }
}
