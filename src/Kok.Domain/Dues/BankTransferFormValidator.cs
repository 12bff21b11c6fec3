using System.Globalization;
using Kok.Domain.Common;

namespace Kok.Domain.Dues;

/// <summary>
/// Checks a <see cref="BankTransferForm"/>: a positive whole number of cents, a real date not after
/// <c>today</c> (Berlin), a reference of 1 to <see cref="BankTransfer.MaxReferenceLength"/> characters. Whether the
/// amount covers the period's dues needs the member and is checked by <see cref="Membership.Member.RecordBankTransfer"/>.
/// Each message comes with a code (the constants ending in <c>Code</c>), which the dashboard page words in its language.
/// </summary>
public static class BankTransferFormValidator
{
    public const string AmountField = "amountCents";
    public const string PaidOnField = "paidOn";
    public const string ReferenceField = "reference";

    public const string AmountCode = "amount_whole_cents";
    public const string DateCode = "date_invalid";
    public const string FutureDateCode = "date_in_future";
    public const string ReferenceLengthCode = "reference_length";
    public const string ReferenceControlCode = "reference_control_characters";

    public static Validated<BankTransfer> Validate(BankTransferForm form, DateOnly today, ValidationErrors? errors = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        errors ??= new ValidationErrors();

        long amount = 0;
        if (form.AmountCents is not { } cents || cents != decimal.Truncate(cents) || cents <= 0 || cents > long.MaxValue)
        {
            errors.Add(AmountField, "Ein Betrag in ganzen Cent größer als 0 / an amount in whole cents above 0.", new ValidationCode(AmountCode));
        }
        else
        {
            amount = (long)cents;
        }

        DateOnly paidOn = default;
        if (!DateOnly.TryParseExact(form.PaidOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out paidOn))
        {
            errors.Add(PaidOnField, "Ein Datum im Format JJJJ-MM-TT / a date as yyyy-MM-dd.", new ValidationCode(DateCode));
        }
        else if (paidOn > today)
        {
            errors.Add(PaidOnField, "Das Datum darf nicht in der Zukunft liegen / the date must not be in the future.", new ValidationCode(FutureDateCode));
        }

        var reference = form.Reference?.Trim();
        if (string.IsNullOrEmpty(reference) || reference.Length > BankTransfer.MaxReferenceLength)
        {
            errors.Add(ReferenceField,
                $"Ein Verwendungszweck mit 1 bis {BankTransfer.MaxReferenceLength} Zeichen / a reference of 1 to {BankTransfer.MaxReferenceLength} characters.",
                new ValidationCode(ReferenceLengthCode, "max", BankTransfer.MaxReferenceLength));
        }
        else if (reference.Any(char.IsControl))
        {
            errors.Add(ReferenceField, "Der Verwendungszweck enthält Steuerzeichen / the reference contains control characters.", new ValidationCode(ReferenceControlCode));
        }

        return errors.IsEmpty ? new Validated<BankTransfer>(new BankTransfer(amount, paidOn, reference!)) : new Validated<BankTransfer>(errors);
    }
}
