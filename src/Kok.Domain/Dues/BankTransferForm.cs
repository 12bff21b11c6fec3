namespace Kok.Domain.Dues;

/// <summary>
/// The staff form for a bank transfer (<c>POST /api/dashboard/members/{id}/payments</c>) as read from JSON, before
/// validation: <c>amountCents</c> (integer cents), <c>paidOn</c> (<c>yyyy-MM-dd</c>), <c>reference</c>.
/// </summary>
public sealed record BankTransferForm(decimal? AmountCents, string? PaidOn, string? Reference);
