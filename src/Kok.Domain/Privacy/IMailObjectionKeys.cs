namespace Kok.Domain.Privacy;

/// <summary>Turns an address (trimmed, case ignored) into its <see cref="MailObjectionKey"/> with a secret key.</summary>
public interface IMailObjectionKeys
{
    MailObjectionKey KeyOf(string email);
}
