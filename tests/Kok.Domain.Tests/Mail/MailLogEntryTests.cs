using Kok.Domain.Mail;

namespace Kok.Domain.Tests.Mail;

public class MailLogEntryTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly MailLogKey Key = new(MailKind.DonationThankYou, "donation:don_a:pay_b");

    [Fact]
    public void A_held_mail_cannot_be_retaken_until_its_lease_expires()
    {
        var entry = MailLogEntry.Begin(Key, T, TimeSpan.FromMinutes(5));

        Assert.Throws<InvalidOperationException>(() => entry.Retake(T.AddMinutes(4), TimeSpan.FromMinutes(5)));
        var retaken = entry.Retake(T.AddMinutes(5), TimeSpan.FromMinutes(5));

        Assert.Equal(2, retaken.Attempts);
        Assert.Equal(T, retaken.FirstAttemptAt);
        Assert.Equal(T.AddMinutes(10), retaken.LeaseUntil);
    }

    [Fact]
    public void Final_states_stay_final()
    {
        var sent = MailLogEntry.Begin(Key, T, TimeSpan.FromMinutes(5)).MarkSent("m1", null, T);

        Assert.True(sent.IsFinal);
        Assert.False(sent.IsLeasedAt(T));
        Assert.Throws<InvalidOperationException>(() => sent.MarkFailed("x", null, T));
        Assert.Throws<InvalidOperationException>(() => sent.Retake(T, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Reasons_are_kept_on_one_line_and_clipped()
    {
        var failed = MailLogEntry.Begin(Key, T, TimeSpan.FromMinutes(5)).MarkFailed("bad\r\naddress " + new string('x', 900), null, T);

        Assert.StartsWith("bad address x", failed.FailureReason, StringComparison.Ordinal);
        Assert.Equal(MailLogEntry.MaxTextLength, failed.FailureReason!.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("erika@example.de")]
    public void Subject_ids_are_plain_ids(string subjectId)
    {
        Assert.ThrowsAny<ArgumentException>(() => new MailLogKey(MailKind.DonationThankYou, subjectId));
    }
}
