namespace Kok.Domain.Mail;

/// <summary>
/// The mail service refused the mail permanently. <see cref="Reason"/> is the service's explanation, which must not
/// contain the recipient's address, so it can be logged and stored.
/// </summary>
public sealed record MailRejected(string Reason) : MailSendResult;
