using System.Globalization;

namespace Kok.Domain.BankTransfers;

/// <summary>
/// The GiroCode (EPC QR code, EPC069-12 "Quick Response Code: guidelines to enable data capture for the initiation of
/// a SEPA credit transfer"): the text a banking app reads from the code to fill in a transfer. Lines: service tag
/// <c>BCD</c>, version <c>002</c> (BIC optional), character set <c>1</c> (UTF-8), <c>SCT</c>, BIC, holder (≤ 70),
/// IBAN, <c>EUR</c> amount with a dot, purpose (empty), structured reference (empty), unstructured remittance
/// (≤ 140): the reference code, so the money comes back with it on the statement.
/// </summary>
public static class GiroCode
{
    public const int MaxHolderLength = 70;

    public const long MaxAmountCents = 999_999_999_99;

    /// <summary>The payload to draw as a QR code (error correction level M, as the guideline asks).</summary>
    public static string Payload(BankAccount account, long amountCents, ReferenceCode code)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(code);
        if (amountCents is < 1 or > MaxAmountCents)
        {
            throw new ArgumentOutOfRangeException(nameof(amountCents), amountCents, "A GiroCode carries 0.01 to 999,999,999.99 euros.");
        }

        var holder = account.Holder.Length > MaxHolderLength ? account.Holder[..MaxHolderLength] : account.Holder;
        var amount = string.Create(CultureInfo.InvariantCulture, $"EUR{amountCents / 100}.{amountCents % 100:00}");
        return string.Join('\n', "BCD", "002", "1", "SCT", account.Bic ?? string.Empty, holder, account.Iban, amount, string.Empty, string.Empty, code.Value);
    }
}
