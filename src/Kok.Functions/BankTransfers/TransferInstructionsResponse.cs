using Kok.Domain.BankTransfers;
using Kok.Domain.Donations;

namespace Kok.Functions.BankTransfers;

/// <summary>
/// What a donor needs to make the transfer: the account, the amount (cents), the reference code to write into the
/// payment reference, and the GiroCode as SVG (a banking app scans it and fills in all of it).
/// </summary>
public sealed record TransferInstructionsResponse(
    string AccountHolder,
    string Iban,
    string? Bic,
    string? BankName,
    long AmountCents,
    string ReferenceCode,
    string GiroCodeSvg)
{
    public static TransferInstructionsResponse From(TransferDonationCreated created)
    {
        ArgumentNullException.ThrowIfNull(created);
        return From(created.Account, created.AmountCents, created.Code);
    }

    /// <summary>The instructions for <paramref name="amountCents"/> with <paramref name="code"/> (a donation, or a member's dues).</summary>
    public static TransferInstructionsResponse From(BankAccount account, long amountCents, ReferenceCode code)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(code);
        return new TransferInstructionsResponse(
            account.Holder,
            account.IbanGrouped,
            account.Bic,
            account.BankName,
            amountCents,
            code.Value,
            BankTransfers.GiroCodeSvg.Render(GiroCode.Payload(account, amountCents, code)));
    }
}
