namespace Kok.Domain.Privacy;

/// <summary>Who recorded an objection to mail.</summary>
public enum MailObjectionSource
{
    /// <summary>The supporter, through the unsubscribe link of a mail (or the mail program's one-click button).</summary>
    Supporter,

    /// <summary>Staff, on the supporter's request by letter, phone or mail.</summary>
    Staff,
}
