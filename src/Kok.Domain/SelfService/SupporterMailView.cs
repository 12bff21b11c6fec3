using Kok.Domain.Mail;

namespace Kok.Domain.SelfService;

/// <summary>A mail we sent the supporter: what kind, its subject in the supporter's language, when it went out.</summary>
public sealed record SupporterMailView(MailKind Kind, string Subject, DateTimeOffset SentAt);
