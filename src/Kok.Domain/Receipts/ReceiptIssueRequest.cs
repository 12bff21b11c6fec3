namespace Kok.Domain.Receipts;

/// <summary>
/// Asks the <see cref="IReceiptRegister"/> for an Einzelbestätigung for one payment, with the data to freeze on it.
/// Checked on construction as a receipt would be, so a request that could never become a valid receipt fails before
/// it takes a number. Personal data: a class, not a record, so it cannot be printed by accident.
/// </summary>
public sealed class ReceiptIssueRequest
{
    private readonly OrganisationProfile? issuer;

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

    /// <summary>
    /// The organisation and signatory to freeze on the receipt as they are today, so every later copy says the same.
    /// Refused (<see cref="ReceiptsUnavailableException"/>) when no receipt may be issued on <see cref="IssueDate"/>
    /// (§ 63 Abs. 5 AO, missing settings). Every receipt issued from now on carries one; without it the receipt is
    /// frozen as before, rendered with the settings of the day.
    /// </summary>
    public OrganisationProfile? Issuer
    {
        get => issuer;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            value.RequireReceiptsOn(IssueDate, Template.Lines);
            issuer = value;
        }
    }

    /// <summary>The receipt as it will be frozen, under a placeholder number.</summary>
    private ReceiptDocument Template { get; }

    /// <summary>The receipt under the number the register assigned.</summary>
    public ReceiptDocument ToDocument(string number) => ToDocument(number, replaces: null);

    /// <summary>The receipt under its number, correcting the withdrawn receipt <paramref name="replaces"/>.</summary>
    public ReceiptDocument ToDocument(string number, string? replaces) =>
        ReceiptDocument.Issue(number, Template.Content with { Issuer = issuer, Replaces = replaces });
}
