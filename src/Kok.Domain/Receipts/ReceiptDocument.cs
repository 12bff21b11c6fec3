namespace Kok.Domain.Receipts;

/// <summary>
/// Everything one Einzelbestätigung (single Zuwendungsbestätigung, German tax receipt) states about the supporter
/// and the payment, frozen when the receipt is issued, so rendering it again years later gives the same receipt.
/// A class, not a record, so a stray log call cannot print the supporter's name and address.
/// </summary>
public sealed class ReceiptDocument
{
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
    {
        if (!ReceiptNumber.IsValid(number))
        {
            throw new ArgumentException("Receipt number must look like 2026-000123.", nameof(number));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(donorName);
        ArgumentNullException.ThrowIfNull(donorAddressLines);
        var lines = donorAddressLines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => SingleLine(l)).ToArray();
        if (lines.Length == 0)
        {
            throw new ArgumentException("A Zuwendungsbestätigung needs the supporter's address.", nameof(donorAddressLines));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountCents);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amountCents, GermanAmountInWords.MaxCents);
        if (issueDate < paymentDate)
        {
            throw new ArgumentException("A receipt cannot be issued before the payment.", nameof(issueDate));
        }

        // Aufwandsspenden (waived reimbursement of expenses) need a handwritten signature (R 10b.1 Abs. 4 Satz 3
        // EStR); this machine-made receipt can only ever state "Nein".
        if (isWaiverOfExpenseReimbursement)
        {
            throw new ArgumentException(
                "Machine-made receipts cannot confirm a Verzicht auf Erstattung von Aufwendungen.",
                nameof(isWaiverOfExpenseReimbursement));
        }

        if (withdrawnOn is { } withdrawn && withdrawn < issueDate)
        {
            throw new ArgumentException("A receipt cannot be withdrawn before it was issued.", nameof(withdrawnOn));
        }

        Number = number;
        Kind = kind;
        DonorName = SingleLine(donorName);
        DonorAddressLines = lines;
        AmountCents = amountCents;
        PaymentDate = paymentDate;
        IssueDate = issueDate;
        IsWaiverOfExpenseReimbursement = isWaiverOfExpenseReimbursement;
        WithdrawnOn = withdrawnOn;
    }

    /// <summary>"2026-000123", see <see cref="ReceiptNumber"/>.</summary>
    public string Number { get; }

    public ReceiptKind Kind { get; }

    /// <summary>"Name des Zuwendenden" exactly as printed.</summary>
    public string DonorName { get; }

    /// <summary>"Anschrift des Zuwendenden" lines exactly as printed.</summary>
    public IReadOnlyList<string> DonorAddressLines { get; }

    public long AmountCents { get; }

    /// <summary>"Tag der Zuwendung": the day the money arrived.</summary>
    public DateOnly PaymentDate { get; }

    public DateOnly IssueDate { get; }

    /// <summary>"Verzicht auf Erstattung von Aufwendungen": always false for money receipts made here.</summary>
    public bool IsWaiverOfExpenseReimbursement { get; }

    /// <summary>Set when the receipt was cancelled (e.g. after a refund); a rendered copy is then marked void.</summary>
    public DateOnly? WithdrawnOn { get; }

    public bool IsWithdrawn => WithdrawnOn is not null;

    /// <summary>"Zuwendungsbestaetigung-2026-000123.pdf": ASCII only, so every mail client keeps it intact.</summary>
    public string FileName => $"Zuwendungsbestaetigung-{Number}.pdf";

    public ReceiptDocument Withdraw(DateOnly on) => new(
        Number, Kind, DonorName, DonorAddressLines, AmountCents, PaymentDate, IssueDate, IsWaiverOfExpenseReimbursement, on);

    private static string SingleLine(string value) =>
        string.Join(' ', value.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
