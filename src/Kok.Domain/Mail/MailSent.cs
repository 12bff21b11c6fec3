namespace Kok.Domain.Mail;

/// <summary>The mail service accepted the mail; <see cref="MessageId"/> is its id for tracing delivery.</summary>
public sealed record MailSent(string MessageId) : MailSendResult;
