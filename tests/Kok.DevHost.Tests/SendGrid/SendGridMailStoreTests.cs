using Kok.DevHost.SendGrid;

namespace Kok.DevHost.Tests.SendGrid;

public sealed class SendGridMailStoreTests
{
    [Fact]
    public void Keeps_only_the_newest_mails_up_to_its_capacity()
    {
        var store = new SendGridMailStore();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        for (var i = 0; i < SendGridMailStore.Capacity + 3; i++)
        {
            store.Add(new ReceivedMail
            {
                Id = $"m{i}",
                From = new ReceivedAddress("a@kok.example", null),
                To = [new ReceivedAddress("b@example.org", null)],
                Subject = "S",
                Attachments = [],
                ReceivedAt = start.AddSeconds(i),
            });
        }

        var all = store.All();
        Assert.Equal(SendGridMailStore.Capacity, all.Count);
        Assert.Equal($"m{SendGridMailStore.Capacity + 2}", all[0].Id);
        Assert.Equal("m3", all[^1].Id);
        Assert.Null(store.Find("m2"));
        Assert.NotNull(store.Find("m3"));
    }
}
