namespace Kok.Domain.Receipts;

/// <summary>
/// Asks the <see cref="IReceiptRegister"/> for a receipt for one payment, with the data to freeze on it. Checked on
/// construction as a receipt would be, so a request that could never become a valid receipt fails before it takes a
/// number. Personal data: a class, not a record, so it cannot be printed by accident.
/// </summary>
public sealed class ReceiptIssueRequest
{
    public ReceiptIssueRequest(
        ReceiptPaymentKey paymentKey,
        ReceiptKind kind,
        string donorName,
        IReadOnlyList<string> donorAddressLines,
        long amountCents,
        DateOnly paymentDate,
        DateOnly issueDate)
    {
        ArgumentNullException.ThrowIfNull(paymentKey);
        PaymentKey = paymentKey;
        Template = new ReceiptDocument(
            ReceiptNumber.Create(issueDate.Year, 1), kind, donorName, donorAddressLines, amountCents, paymentDate, issueDate);
    }

    public ReceiptPaymentKey PaymentKey { get; }

    /// <summary>Numbers run per calendar year of issue.</summary>
    public int Year => Template.IssueDate.Year;

    public ReceiptKind Kind => Template.Kind;

    public DateOnly IssueDate => Template.IssueDate;

    /// <summary>The receipt as it will be frozen, under a placeholder number.</summary>
    private ReceiptDocument Template { get; }

    /// <summary>The receipt under the number the register assigned.</summary>
    public ReceiptDocument ToDocument(string number) => new(
        number,
        Template.Kind,
        Template.DonorName,
        Template.DonorAddressLines,
        Template.AmountCents,
        Template.PaymentDate,
        Template.IssueDate);
}
