using Kok.Domain.Common;
using Kok.Domain.Payments;

namespace Kok.Domain.Donations;

/// <summary>The rules of <c>POST /api/donations</c>; the shared field rules live in <see cref="FieldRules"/>.</summary>
public static class DonationFormValidator
{
    public const long MinAmountCents = 1_00;
    public const long MaxAmountCents = 10_000_00;

    public static readonly IReadOnlyDictionary<string, DonationInterval> Intervals =
        new Dictionary<string, DonationInterval>(StringComparer.Ordinal)
        {
            ["once"] = DonationInterval.Once,
            ["monthly"] = DonationInterval.Monthly,
        };

    /// <summary>What a hosted checkout takes (also the membership sign-up's choice, until it offers transfers).</summary>
    public static readonly IReadOnlyDictionary<string, PaymentMethodKind> CheckoutPaymentMethods =
        new Dictionary<string, PaymentMethodKind>(StringComparer.Ordinal)
        {
            ["card"] = PaymentMethodKind.Card,
            ["sepa_debit"] = PaymentMethodKind.SepaDebit,
        };

    /// <summary>The donation form's choice: a checkout's methods, or a bank transfer (one-time only).</summary>
    public static readonly IReadOnlyDictionary<string, PaymentMethodKind> PaymentMethods =
        new Dictionary<string, PaymentMethodKind>(CheckoutPaymentMethods, StringComparer.Ordinal)
        {
            ["bank_transfer"] = PaymentMethodKind.BankTransfer,
        };

    public static Validated<DonationRequest> Validate(DonationForm form) => Validate(form, new ValidationErrors());

    /// <summary>Validates into <paramref name="errors"/>, which may already hold errors (e.g. of request headers).</summary>
    public static Validated<DonationRequest> Validate(DonationForm form, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);

        FieldRules.WrongType(errors, form.WrongTypeFields);
        FieldRules.Honeypot(errors, "website", form.Website);
        var amount = FieldRules.EuroAmount(errors, "amount", form.Amount, MinAmountCents, MaxAmountCents);
        FieldRules.Currency(errors, "currency", form.Currency);
        var interval = FieldRules.Choice(errors, "interval", form.Interval, Intervals);
        var method = FieldRules.Choice(errors, "paymentMethod", form.PaymentMethod, PaymentMethods);
        if (method == PaymentMethodKind.BankTransfer && interval == DonationInterval.Monthly)
        {
            // A transfer is sent by the donor each time; nothing here could collect it monthly.
            errors.Add("paymentMethod", "A monthly donation cannot be paid by bank transfer: choose SEPA direct debit or card, or give once.");
        }

        var wantsReceipt = form.WantsReceipt ?? false;

        // A Zuwendungsbestätigung (German tax receipt for a donation) must name the donor's address.
        var donor = FieldRules.Contact(errors, "donor", form.Donor, addressRequired: wantsReceipt);
        var locale = FieldRules.Locale(errors, "locale", form.Locale);

        if (!errors.IsEmpty || amount is null || interval is null || method is null || donor is null || locale is null)
        {
            return new Validated<DonationRequest>(errors);
        }

        // Without a receipt the address has no purpose, so it is not kept (data minimisation, Art. 5(1)(c) GDPR).
        if (!wantsReceipt)
        {
            donor = donor with { Address = null };
        }

        return new Validated<DonationRequest>(
            new DonationRequest(amount.Value, interval.Value, method.Value, donor, wantsReceipt, locale));
    }
}
