namespace Kok.DevHost.SendGrid;

internal sealed record ReceivedAddress(string Email, string? Name)
{
    /// <summary>As a mail program shows it: <c>Name &lt;email&gt;</c>.</summary>
    public string Display => string.IsNullOrEmpty(Name) ? Email : $"{Name} <{Email}>";
}
