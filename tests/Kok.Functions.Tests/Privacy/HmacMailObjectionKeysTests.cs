using System.Text;
using Kok.Domain.Privacy;
using Kok.Functions.Privacy;

namespace Kok.Functions.Tests.Privacy;

public sealed class HmacMailObjectionKeysTests
{
    private static readonly HmacMailObjectionKeys Keys = new(Encoding.UTF8.GetBytes("a-test-secret-that-is-long-enough-0001"));

    [Fact]
    public void One_address_has_one_key_whatever_its_case_and_surrounding_spaces()
    {
        var key = Keys.KeyOf("Erika.Muster@Example.org");

        Assert.Equal(key, Keys.KeyOf("  erika.muster@example.org "));
        Assert.NotEqual(key, Keys.KeyOf("erika.muster@example.com"));
        Assert.Equal(MailObjectionKey.Length, key.Value.Length);
        Assert.NotNull(MailObjectionKey.TryParse(key.Value));
    }

    [Fact]
    public void The_key_depends_on_the_secret_so_a_list_of_keys_cannot_be_checked_against_addresses_without_it()
    {
        var other = new HmacMailObjectionKeys(Encoding.UTF8.GetBytes("another-secret-that-is-long-enough-0002"));

        Assert.NotEqual(Keys.KeyOf("erika@example.org"), other.KeyOf("erika@example.org"));
        Assert.DoesNotContain("erika", Keys.KeyOf("erika@example.org").Value, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_short_secret_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new HmacMailObjectionKeys(Encoding.UTF8.GetBytes("short")));
    }
}
