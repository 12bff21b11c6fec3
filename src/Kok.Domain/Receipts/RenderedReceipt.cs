namespace Kok.Domain.Receipts;

/// <summary>A receipt together with its rendered file, ready to be attached to a mail.</summary>
public sealed record RenderedReceipt(ReceiptDocument Document, byte[] Content)
{
    public const string ContentType = "application/pdf";
}
