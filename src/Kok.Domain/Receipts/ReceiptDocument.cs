namespace Kok.Domain.Receipts;

/// <summary>
/// One Zuwendungsbestätigung (German tax receipt) as issued: its number, what it states (<see cref="ReceiptContent"/>:
/// an Einzelbestätigung for one payment or a Sammelbestätigung for several, the donor, the issuer as on the day of
/// issue) and what happened to it later (withdrawn, replaced by a correction). Frozen when issued, so rendering it
/// again years later gives the same receipt. A draft (<see cref="Draft"/>) has no number and can never be stored or
/// pass for a receipt. A class, not a record, so a stray log call cannot print the supporter's name and address.
/// </summary>
public sealed class ReceiptDocument
{
    /// <summary>Printed where a draft's number would stand.</summary>
    public const string DraftNumber = "[Entwurf – ohne Nummer]";

    private readonly ReceiptContent content;

    /// <summary>An Einzelbestätigung (the shape receipts had before Sammelbestätigungen and frozen issuer data).</summary>
    public ReceiptDocument(
        string number,
        ReceiptKind kind,
        string donorName,
        IReadOnlyList<string> donorAddressLines,
        long amountCents,
        DateOnly paymentDate,
        DateOnly issueDate,
        bool isWaiverOfExpenseReimbursement = false,
        DateOnly? withdrawnOn = null)
        : this(
            RequireNumber(number),
            Single(new ReceiptDonor(donorName, donorAddressLines), new ReceiptLine(paymentDate, kind, amountCents), issueDate, isWaiverOfExpenseReimbursement),
            withdrawnOn is { } on ? new ReceiptWithdrawal(on, ReceiptWithdrawal.RefundReason) : null,
            replacedBy: null)
    {
    }

    private ReceiptDocument(string number, ReceiptContent content, ReceiptWithdrawal? withdrawal, string? replacedBy)
    {
        ArgumentNullException.ThrowIfNull(content);
        content.Validate();
        if (withdrawal is not null && withdrawal.On < content.IssueDate)
        {
            throw new ArgumentException("A receipt cannot be withdrawn before it was issued.", nameof(withdrawal));
        }

        if (replacedBy is not null && (withdrawal is null || !ReceiptNumber.IsValid(replacedBy)))
        {
            throw new ArgumentException("Only a withdrawn receipt is replaced, by a receipt number.", nameof(replacedBy));
        }

        Number = number;
        this.content = content;
        Withdrawal = withdrawal;
        ReplacedBy = replacedBy;
    }

    /// <summary>"2026-000123", see <see cref="ReceiptNumber"/>; <see cref="DraftNumber"/> for a draft.</summary>
    public string Number { get; }

    public bool IsDraft => Number == DraftNumber;

    public ReceiptForm Form => content.Form;

    public ReceiptContent Content => content;

    /// <summary>What an Einzelbestätigung confirms. A Sammelbestätigung states the kind per line (<see cref="Lines"/>).</summary>
    public ReceiptKind Kind => Form == ReceiptForm.Einzelbestaetigung
        ? content.Lines[0].Kind
        : throw new InvalidOperationException("A Sammelbestätigung states the kind per line.");

    /// <summary>"Name des Zuwendenden" exactly as printed.</summary>
    public string DonorName => content.Donor.Name;

    /// <summary>"Anschrift des Zuwendenden" lines exactly as printed.</summary>
    public IReadOnlyList<string> DonorAddressLines => content.Donor.AddressLines;

    public IReadOnlyList<ReceiptLine> Lines => content.Lines;

    public ReceiptPeriod Period => content.Period;

    /// <summary>The amount of an Einzelbestätigung, the "Gesamtbetrag" of a Sammelbestätigung.</summary>
    public long AmountCents => content.TotalCents;

    /// <summary>"Tag der Zuwendung" of an Einzelbestätigung: the day the money arrived.</summary>
    public DateOnly PaymentDate => Form == ReceiptForm.Einzelbestaetigung
        ? content.Lines[0].PaymentDate
        : throw new InvalidOperationException("A Sammelbestätigung has a period, not one payment date.");

    public DateOnly IssueDate => content.IssueDate;

    /// <summary>The frozen issuer; null for receipts frozen before issuer data was kept.</summary>
    public OrganisationProfile? Issuer => content.Issuer;

    /// <summary>The withdrawn receipt this one corrects.</summary>
    public string? Replaces => content.Replaces;

    /// <summary>"Verzicht auf Erstattung von Aufwendungen": always false for money receipts made here.</summary>
    public bool IsWaiverOfExpenseReimbursement { get; }

    public ReceiptWithdrawal? Withdrawal { get; }

    /// <summary>Set when the receipt was cancelled (e.g. after a refund); a rendered copy is then marked void.</summary>
    public DateOnly? WithdrawnOn => Withdrawal?.On;

    public bool IsWithdrawn => Withdrawal is not null;

    /// <summary>The correction that replaced this withdrawn receipt.</summary>
    public string? ReplacedBy { get; }

    /// <summary>"Zuwendungsbestaetigung-2026-000123.pdf": ASCII only, so every mail client keeps it intact.</summary>
    public string FileName => (Form == ReceiptForm.Sammelbestaetigung ? "Sammelbestaetigung" : "Zuwendungsbestaetigung")
        + (IsDraft ? "-Entwurf" : "-" + Number) + ".pdf";

    /// <summary>The receipt under its register number.</summary>
    public static ReceiptDocument Issue(string number, ReceiptContent content) => new(RequireNumber(number), content, null, null);

    /// <summary>A preview for staff: no number, rendered marked "Entwurf" on every page, never stored.</summary>
    public static ReceiptDocument Draft(ReceiptContent content) => new(DraftNumber, content, null, null);

    public ReceiptDocument Withdraw(DateOnly on) => Withdraw(new ReceiptWithdrawal(on, ReceiptWithdrawal.RefundReason));

    public ReceiptDocument Withdraw(ReceiptWithdrawal withdrawal)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        RequireIssued();
        return new ReceiptDocument(Number, content, withdrawal, ReplacedBy);
    }

    /// <summary>This withdrawn receipt, pointing at the correction that replaced it.</summary>
    public ReceiptDocument ReplacedWith(string number)
    {
        RequireIssued();
        return new ReceiptDocument(Number, content, Withdrawal, RequireNumber(number));
    }

    private static ReceiptContent Single(ReceiptDonor donor, ReceiptLine line, DateOnly issueDate, bool isWaiverOfExpenseReimbursement)
    {

        // Aufwandsspenden (waived reimbursement of expenses) need a handwritten signature (R 10b.1 Abs. 4 Satz 3
        // EStR); this machine-made receipt can only ever state "Nein".
        if (isWaiverOfExpenseReimbursement)
        {
            throw new ArgumentException(
                "Machine-made receipts cannot confirm a Verzicht auf Erstattung von Aufwendungen.",
                nameof(isWaiverOfExpenseReimbursement));
        }

        return new ReceiptContent
        {
            Form = ReceiptForm.Einzelbestaetigung,
            Donor = donor,
            Lines = [line],
            Period = new ReceiptPeriod(line.PaymentDate, line.PaymentDate),
            IssueDate = issueDate,
        };
    }

    private static string RequireNumber(string number) => ReceiptNumber.IsValid(number)
        ? number
        : throw new ArgumentException("Receipt number must look like 2026-000123.", nameof(number));

    private void RequireIssued()
    {
        if (IsDraft)
        {
            throw new InvalidOperationException("A draft is not a receipt.");
        }
    }
}
