namespace Kok.Domain.BankTransfers;

/// <summary>
/// What a run of <see cref="TransferReminders"/> did: entries due, reminders sent (or skipped for an objection to
/// mail), entries dropped (the money came or the donation is gone), entries left for the next run (mail failed).
/// </summary>
public sealed record TransferReminderRunReport(int Due, int Reminded, int Dropped, int Deferred);
