namespace Kok.Domain.Receipts;

/// <summary>What a start of the annual run did: donor groups to confirm, messages sent, groups already done, groups left out.</summary>
public sealed record AnnualReceiptRunStart(int Year, int Donors, int Enqueued, int AlreadyIssued, int LeftOut);
