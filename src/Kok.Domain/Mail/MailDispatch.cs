namespace Kok.Domain.Mail;

/// <summary>The result of <see cref="MailDispatcher.SendOnceAsync"/> with the mail's log entry as stored.</summary>
public sealed record MailDispatch(MailDispatchOutcome Outcome, MailLogEntry Entry);
