using Kok.Domain.Dues;
using Kok.Functions.Dues;
using Microsoft.Extensions.Configuration;

namespace Kok.Functions.Tests.Dues;

public sealed class DuesConfigurationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Unset_settings_give_the_defaults()
    {
        Assert.Equal(DuesPolicy.Default with { }, DuesConfiguration.Policy(Config()), new PolicyComparer());
        Assert.Equal(20, DuesConfiguration.Policy(Config()).MaxChargesPerSecond);
    }

    [Fact]
    public void Settings_are_read_and_checked()
    {
        var policy = DuesConfiguration.Policy(Config(
            ("Dues:PreNotificationDays", "10"), ("Dues:ReminderDays", "5, 12,30"), ("Dues:GraceDays", "60"), ("Dues:MaxChargesPerSecond", "80")));

        Assert.Equal(10, policy.PreNotificationDays);
        Assert.Equal([5, 12, 30], policy.ReminderDays);
        Assert.Equal(60, policy.GraceDays);
        Assert.Equal(80, policy.MaxChargesPerSecond);
        Assert.Throws<InvalidOperationException>(() => DuesConfiguration.Policy(Config(("Dues:ReminderDays", "7,x"))));
        Assert.Throws<InvalidOperationException>(() => DuesConfiguration.Policy(Config(("Dues:ReminderDays", "21,7"))));
        Assert.Throws<InvalidOperationException>(() => DuesConfiguration.Policy(Config(("Dues:ReminderDays", "7,95"))));
        Assert.Throws<InvalidOperationException>(() => DuesConfiguration.Policy(Config(("Dues:MaxChargesPerSecond", "500"))));
    }

    [Theory]
    [InlineData("DE98ZZZ09999999999", "DE98ZZZ09999999999")]
    [InlineData("de98 zzz0 9999 9999 99", "DE98ZZZ09999999999")]
    public void The_creditor_id_is_normalised(string configured, string expected) =>
        Assert.Equal(expected, DuesConfiguration.Creditor(Config(("Dues:SepaCreditorId", configured))).CreditorId);

    [Theory]
    [InlineData("")]
    [InlineData("not a creditor id")]
    [InlineData("DE98")]
    public void A_missing_or_malformed_creditor_id_is_refused(string configured) =>
        Assert.Throws<InvalidOperationException>(() => DuesConfiguration.Creditor(Config(("Dues:SepaCreditorId", configured))));

    [Theory]
    [InlineData("""{"memberId":"mem_abcdefghijklmnopqrst","periodStart":"2027-03-01"}""", true)]
    [InlineData("""{"memberId":"mem_abcdefghijklmnopqrst"}""", false)]
    [InlineData("""{"memberId":"../etc","periodStart":"2027-03-01"}""", false)]
    [InlineData("not json", false)]
    [InlineData("", false)]
    public void Charge_messages_are_parsed_strictly(string message, bool readable) =>
        Assert.Equal(readable, DuesChargeFunction.Parse(message) is not null);

    private sealed class PolicyComparer : IEqualityComparer<DuesPolicy>
    {
        public bool Equals(DuesPolicy? x, DuesPolicy? y) =>
            x!.PreNotificationDays == y!.PreNotificationDays && x.GraceDays == y.GraceDays && x.ReminderDays.SequenceEqual(y.ReminderDays);

        public int GetHashCode(DuesPolicy obj) => obj.GraceDays;
    }
}
