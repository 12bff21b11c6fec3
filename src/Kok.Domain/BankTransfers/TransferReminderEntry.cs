namespace Kok.Domain.BankTransfers;

/// <summary>One row of the transfer-reminder agenda: the transfer donation <see cref="DonationId"/>, made on <see cref="CreatedOn"/>, still waits for its money.</summary>
public sealed record TransferReminderEntry(string DonationId, DateOnly CreatedOn);
