namespace Kok.Domain.Dashboard;

/// <summary>A receipt (Zuwendungsbestätigung) issued for one of the member's payments, from the receipt register.</summary>
public sealed record MemberReceiptLine(string Number, DateOnly IssuedOn, long AmountCents, string PaymentId, DateOnly? WithdrawnOn);
