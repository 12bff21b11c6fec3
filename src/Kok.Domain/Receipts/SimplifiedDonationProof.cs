namespace Kok.Domain.Receipts;

/// <summary>
/// Vereinfachter Zuwendungsnachweis (§ 50 Abs. 4 Satz 1 Nr. 2 Buchst. b EStDV): up to 300 EUR, the donor's bank
/// statement plus a Beleg from us replaces the formal Zuwendungsbestätigung, if the Beleg states the tax-privileged
/// purpose, the exemption details and whether the payment is a Spende or a Mitgliedsbeitrag.
/// </summary>
public static class SimplifiedDonationProof
{
    public const long MaxCents = 30_000;

    public static bool AppliesTo(long amountCents) => amountCents is > 0 and <= MaxCents;
}
