namespace Kok.Domain.Mail;

/// <summary>Who a mail goes to; <see cref="Name"/> is used in the salutation and the "To" header.</summary>
public sealed record MailRecipient
{
    public MailRecipient(string email, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentNullException.ThrowIfNull(name);
        if (email.Any(char.IsControl) || email.Any(char.IsWhiteSpace) || !email.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException("Not a mail address.", nameof(email));
        }

        Email = email;
        Name = MailText.SingleLine(name);
    }

    public string Email { get; }

    public string Name { get; }

    /// <summary>Keeps the address and name out of logs that print the object.</summary>
    public override string ToString() => "MailRecipient { *** }";
}
