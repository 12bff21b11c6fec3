using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kok.Domain.Common;

namespace Kok.Domain.Receipts;

/// <summary>
/// The grouping rule of the annual run: payments belong to one donor, and so to one Sammelbestätigung, when the
/// donor's name, email and postal address are the same after normalising each (Unicode NFKC, surrounding and repeated
/// whitespace removed, lower case; address lines as printed on the receipt). So two monthly donations of the same
/// person at the same address share one receipt, while a changed address or a different spelling of the name makes
/// a second one (a receipt can only print one address). The key is a hash, so it names the donor in storage keys,
/// queue messages and logs without their data.
/// </summary>
public static class AnnualReceiptGrouping
{
    public static ReceiptDonorKey KeyOf(ContactDetails donor)
    {
        ArgumentNullException.ThrowIfNull(donor);
        var parts = new[] { donor.Name, donor.Email }.Concat(donor.Address?.Lines() ?? []).Select(Normalise);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        return new ReceiptDonorKey("d" + Convert.ToHexStringLower(hash)[..40]);
    }

    /// <summary>Why a donor's payments are left out of the annual run, or null when they get a Sammelbestätigung.</summary>
    public static AnnualReceiptLeftOutReason? LeftOut(bool wantsReceipt, PostalAddress? address) =>
        !wantsReceipt ? AnnualReceiptLeftOutReason.NoReceiptWanted
        : address is null ? AnnualReceiptLeftOutReason.NoAddress
        : null;

    private static string Normalise(string? value) =>
        string.Join(' ', (value ?? string.Empty).Normalize(NormalizationForm.FormKC)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ToLower(CultureInfo.InvariantCulture);
}
