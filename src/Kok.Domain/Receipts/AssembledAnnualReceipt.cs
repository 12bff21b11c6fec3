using Kok.Domain.Mail;

namespace Kok.Domain.Receipts;

/// <summary>A Sammelbestätigung ready to issue, and where its mail goes. Personal data: a class, not a record.</summary>
public sealed class AssembledAnnualReceipt(AnnualReceiptIssueRequest request, MailRecipient recipient, MailLanguage language)
{
    public AnnualReceiptIssueRequest Request { get; } = request;

    public MailRecipient Recipient { get; } = recipient;

    public MailLanguage Language { get; } = language;
}
