namespace Kok.Domain.Receipts;

/// <summary>A started annual run as recorded for the progress view: how many donor groups it is to confirm, and who started it when.</summary>
public sealed record AnnualReceiptRun(int Year, int Donors, int Payments, long TotalCents, DateTimeOffset StartedAt, string StartedBy);
