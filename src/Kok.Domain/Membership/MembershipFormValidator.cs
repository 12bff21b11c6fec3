using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Payments;

namespace Kok.Domain.Membership;

/// <summary>The rules of <c>POST /api/memberships</c>; the shared field rules live in <see cref="FieldRules"/>.</summary>
public static class MembershipFormValidator
{
    public const string PrivacyMessage = "You must agree to the privacy notice.";

    public static readonly IReadOnlyDictionary<string, MemberKind> Kinds =
        new Dictionary<string, MemberKind>(StringComparer.Ordinal)
        {
            ["person"] = MemberKind.Person,
            ["organisation"] = MemberKind.Organisation,
            ["group"] = MemberKind.Group,
        };

    /// <summary>Validates into <paramref name="errors"/>, which may already hold errors (e.g. of request headers).</summary>
    public static Validated<MembershipRequest> Validate(MembershipForm form, MembershipRules rules, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(errors);

        FieldRules.WrongType(errors, form.WrongTypeFields);
        FieldRules.Honeypot(errors, "website", form.Website);
        var kind = FieldRules.Choice(errors, "kind", form.Kind, Kinds);
        var name = FieldRules.PersonName(errors, "name", form.Name);

        // An organisation or group cannot be written to or greeted by its name alone.
        string? contactPerson = null;
        var contactOk = true;
        if (kind is MemberKind.Organisation or MemberKind.Group)
        {
            contactPerson = FieldRules.PersonName(errors, "contactPerson", form.ContactPerson);
            contactOk = contactPerson is not null;
        }

        var email = FieldRules.Email(errors, "email", form.Email);

        // Always required: dues receipts (Zuwendungsbestätigungen) must name the member's address.
        var address = FieldRules.Address(errors, "address", form.Address, required: true);
        var amount = FieldRules.EuroAmount(
            errors, "annualAmount", form.AnnualAmount, rules.MinimumAnnualAmountCents, MembershipRules.MaxAnnualAmountCents);
        // Bank transfer is accepted but not advertised in the message: whether it is offered depends on the settings
        // (CreateMember refuses it without an account).
        var method = form.PaymentMethod == "bank_transfer"
            ? PaymentMethodKind.BankTransfer
            : FieldRules.Choice(errors, "paymentMethod", form.PaymentMethod, DonationFormValidator.CheckoutPaymentMethods);
        var locale = FieldRules.Locale(errors, "locale", form.Locale);
        if (form.Consents?.Privacy != true && !errors.Contains("consents.privacy") && !errors.Contains("consents"))
        {
            errors.Add("consents.privacy", PrivacyMessage);
        }

        if (!errors.IsEmpty || kind is null || name is null || !contactOk || email is null || address is null
            || amount is null || method is null || locale is null)
        {
            return new Validated<MembershipRequest>(errors);
        }

        return new Validated<MembershipRequest>(new MembershipRequest(
            kind.Value,
            name,
            contactPerson,
            email,
            address,
            amount.Value,
            method.Value,
            locale,
            form.Consents?.ListPublicly ?? false));
    }
}
