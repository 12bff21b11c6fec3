namespace Kok.Domain.BankTransfers;

/// <summary>
/// The association's account that supporters transfer to (settings <c>BankAccount__Holder</c>, <c>__Iban</c>,
/// <c>__Bic</c>, <c>__BankName</c>). Not personal data: it is printed on every mail and page that asks for a transfer.
/// </summary>
public sealed record BankAccount(string Holder, string Iban, string? Bic, string? BankName)
{
    /// <summary>The IBAN in groups of four, as people copy it from a page (<c>DE02 1203 0000 0000 2020 51</c>).</summary>
    public string IbanGrouped => string.Join(' ', Iban.Chunk(4).Select(group => new string(group)));

    /// <summary>
    /// The account from settings; null (transfers are not offered) unless holder and IBAN are set. The IBAN is kept
    /// without spaces and in upper case, as banking apps and the GiroCode expect it.
    /// </summary>
    public static BankAccount? From(string? holder, string? iban, string? bic, string? bankName)
    {
        var compactIban = Compact(iban);
        if (string.IsNullOrWhiteSpace(holder) || compactIban.Length == 0)
        {
            return null;
        }

        var compactBic = Compact(bic);
        return new BankAccount(
            holder.Trim(),
            compactIban,
            compactBic.Length == 0 ? null : compactBic,
            string.IsNullOrWhiteSpace(bankName) ? null : bankName.Trim());
    }

    private static string Compact(string? value) =>
        string.Concat((value ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
