using System.Globalization;
using Kok.Domain.Common;

namespace Kok.Domain.BankTransfers;

/// <summary>
/// One credit on the association's account as a bank statement (camt.053, camt.052, camt.054) lists it: a credit entry,
/// or one transaction of a batched credit entry. Personal data: the payer's name and IBAN (never log them; show the
/// IBAN masked, <see cref="MaskedPayerIban"/>).
/// </summary>
public sealed class BankStatementEntry
{
    /// <summary>The IBAN of the statement's own account (the association's); empty when the file names none.</summary>
    public required string AccountIban { get; init; }

    public required long AmountCents { get; init; }

    public required string Currency { get; init; }

    public required DateOnly BookingDate { get; init; }

    public DateOnly? ValueDate { get; init; }

    public string? PayerName { get; init; }

    public string? PayerIban { get; init; }

    /// <summary>The unstructured remittance lines (Verwendungszweck), joined by line breaks as the bank split them.</summary>
    public string Remittance { get; init; } = string.Empty;

    /// <summary>A structured creditor reference (RF… or the bank's own), if the payer gave one.</summary>
    public string? CreditorReference { get; init; }

    /// <summary>The bank's reference of the entry (AcctSvcrRef, else NtryRef); with a transaction's own reference for one of a batch.</summary>
    public string? BankReference { get; init; }

    /// <summary>
    /// What makes the entry the same entry in another file (the same day in an overlapping statement, a re-import):
    /// the bank's reference on this account, else account + booking date + amount + a hash of the remittance and
    /// payer. Two genuinely different transfers without a bank reference on the same day, of the same amount, payer
    /// and remittance count as one: staff see the second on the account, not twice as a payment.
    /// </summary>
    public string Identity => BankReference is { Length: > 0 } reference
        ? "ref:" + RequestFingerprint.Compute(AccountIban, reference)
        : "sum:" + RequestFingerprint.Compute(
            AccountIban,
            BookingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AmountCents.ToString(CultureInfo.InvariantCulture),
            Currency,
            Remittance,
            CreditorReference,
            PayerIban);

    /// <summary>
    /// The payer's IBAN as a hash (spaces and case ignored), under which a matched entry remembers the donation it paid,
    /// so a later entry from the same account without a code can suggest that supporter; null without an IBAN.
    /// </summary>
    public string? PayerKey => string.IsNullOrWhiteSpace(PayerIban)
        ? null
        : "payer:" + RequestFingerprint.Compute("payer-iban", PayerIban.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());

    /// <summary>Whether <paramref name="identity"/> has the shape of an <see cref="Identity"/> (so a route value can be trusted as a key).</summary>
    public static bool IsWellFormedIdentity(string? identity) =>
        identity is { Length: 68 }
        && (identity.StartsWith("ref:", StringComparison.Ordinal) || identity.StartsWith("sum:", StringComparison.Ordinal))
        && !identity.AsSpan(4).ContainsAnyExcept(LowerHex);

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    /// <summary>The payer's IBAN as staff may see it: country, check digits and the last four (<c>DE89 **** 3000</c>).</summary>
    public string? MaskedPayerIban => Mask(PayerIban);

    public static string? Mask(string? iban) =>
        string.IsNullOrEmpty(iban) ? null
        : iban.Length <= 8 ? new string('*', iban.Length)
        : $"{iban[..4]} **** {iban[^4..]}";

    /// <summary>Every reference code in the remittance and the creditor reference.</summary>
    public IReadOnlyList<ReferenceCode> Codes() =>
        [.. ReferenceCode.FindIn(Remittance).Concat(ReferenceCode.FindIn(CreditorReference)).Distinct()];
}
