using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Mail;
using Kok.Domain.Privacy;
using Kok.Domain.Tests.Mail;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kok.Domain.Tests.Privacy;

/// <summary>
/// Objections to mail: optional mails (reminders) carry an unsubscribe link and stop after an objection; required
/// mails (receipts, pre-notifications, confirmations) go out whatever the list says.
/// </summary>
public sealed class MailObjectionTests
{
    private const string Email = "Erika.Muster@Example.org";

    private static readonly MailObjectionKey ErikasKey = MailObjectionKey.From(new string('E', MailObjectionKey.Length));
    private static readonly MailObjectionKey OthersKey = MailObjectionKey.From(new string('O', MailObjectionKey.Length));

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemoryMailLog log = new();
    private readonly List<MailMessage> sent = [];
    private readonly HashSet<MailObjectionKey> objected = [];
    private readonly Mock<IMailObjectionKeys> keys = new();
    private readonly Mock<IMailObjectionList> list = new();

    public MailObjectionTests()
    {
        keys.Setup(k => k.KeyOf(It.IsAny<string>())).Returns((string email) =>
            email.Trim().Equals(Email, StringComparison.OrdinalIgnoreCase) ? ErikasKey : OthersKey);
        list.Setup(l => l.ContainsAsync(It.IsAny<MailObjectionKey>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((MailObjectionKey key, CancellationToken _) => objected.Contains(key));
        list.Setup(l => l.AddAsync(It.IsAny<MailObjectionKey>(), It.IsAny<MailObjectionSource>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((MailObjectionKey key, MailObjectionSource _, DateTimeOffset _, CancellationToken _) => objected.Add(key));
    }

    [Fact]
    public void Every_mail_kind_is_classified()
    {
        foreach (var kind in Enum.GetValues<MailKind>())
        {
            Assert.True(Enum.IsDefined(MailObligations.Of(kind)), kind.ToString());
        }

        Assert.True(MailObligations.RespectsObjection(MailKind.DuesReminder));
        Assert.False(MailObligations.RespectsObjection(MailKind.AnnualReceipt));
        Assert.False(MailObligations.RespectsObjection(MailKind.DuesPreNotification));
    }

    [Fact]
    public async Task An_optional_mail_carries_the_unsubscribe_link_in_its_language_at_its_foot_and_as_header_value()
    {
        var dispatch = await Dispatcher().SendOnceAsync(Key(MailKind.DuesReminder), _ => Prepared(MailLanguage.English), CancellationToken.None);

        Assert.Equal(MailDispatchOutcome.Sent, dispatch.Outcome);
        var mail = Assert.Single(sent);
        var link = $"https://kok.example/unsubscribe?token={ErikasKey.Value}&lang=en";
        Assert.Equal(new Uri(link), mail.Unsubscribe);
        Assert.EndsWith($"Unsubscribe here; receipts and what your donation or membership requires still reach you: {link}\n", mail.Text, StringComparison.Ordinal);
        Assert.StartsWith("Body text.", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{link.Replace("&", "&amp;", StringComparison.Ordinal)}\"", mail.Html, StringComparison.Ordinal);
        Assert.EndsWith("</p>\n</body>\n</html>\n", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_optional_mail_to_an_address_that_objected_is_logged_as_skipped_and_not_sent()
    {
        objected.Add(ErikasKey);

        var dispatch = await Dispatcher().SendOnceAsync(Key(MailKind.DuesStaffReminder), _ => Prepared(MailLanguage.German), CancellationToken.None);

        Assert.Equal(MailDispatchOutcome.Skipped, dispatch.Outcome);
        Assert.Equal(MailObjections.SkipReason, dispatch.Entry.FailureReason);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task A_required_mail_goes_out_after_an_objection_and_without_an_unsubscribe_link()
    {
        objected.Add(ErikasKey);

        var dispatch = await Dispatcher().SendOnceAsync(Key(MailKind.AnnualReceipt), _ => Prepared(MailLanguage.German), CancellationToken.None);

        Assert.Equal(MailDispatchOutcome.Sent, dispatch.Outcome);
        var mail = Assert.Single(sent);
        Assert.Null(mail.Unsubscribe);
        Assert.DoesNotContain("abbestellen", mail.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("too-short")]
    [InlineData("EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE=")]
    [InlineData("EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE")]
    public async Task A_link_without_a_well_formed_key_records_nothing(string? key)
    {
        Assert.Null(await Use().ByLinkAsync(key, CancellationToken.None));

        list.Verify(l => l.AddAsync(It.IsAny<MailObjectionKey>(), It.IsAny<MailObjectionSource>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task The_link_records_once_and_a_second_use_changes_nothing()
    {
        var use = Use();

        Assert.Equal(MailObjectionOutcome.Recorded, await use.ByLinkAsync(ErikasKey.Value, CancellationToken.None));
        Assert.Equal(MailObjectionOutcome.AlreadyRecorded, await use.ByLinkAsync(ErikasKey.Value, CancellationToken.None));
        Assert.Contains(ErikasKey, objected);
    }

    [Fact]
    public async Task Staff_record_an_objection_audited_without_the_address_and_a_bad_address_writes_nothing()
    {
        var audit = new Mock<IAuditTrail>();
        var use = Use(audit.Object);

        var (errors, _) = await use.ByStaffAsync("not-an-address", [], "staff-1", "Sabine", CancellationToken.None);
        Assert.True(errors!.Contains("email"));
        Assert.Empty(objected);
        audit.Verify(a => a.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()), Times.Never);

        var (none, outcome) = await use.ByStaffAsync(" " + Email + " ", [], "staff-1", "Sabine", CancellationToken.None);
        Assert.Null(none);
        Assert.Equal(MailObjectionOutcome.Recorded, outcome);
        Assert.Contains(ErikasKey, objected);
        audit.Verify(a => a.RecordAsync(
            It.Is<AuditEntry>(e => e.Action == RecordMailObjection.AuditAction && e.StaffId == "staff-1"
                                   && !(e.Details ?? string.Empty).Contains("Erika", StringComparison.OrdinalIgnoreCase)),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    private static MailLogKey Key(MailKind kind) => new(kind, "mem_objection:2026-01-01");

    private static Task<PreparedMail> Prepared(MailLanguage language) =>
        Task.FromResult(PreparedMail.Send(new MailBodyBuilder(language).Paragraph("Body text.").Build(new MailRecipient(Email, "Erika"), "Subject")));

    private MailDispatcher Dispatcher()
    {
        var sender = new Mock<IMailSender>();
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Callback((MailMessage m, CancellationToken _) => sent.Add(m))
            .ReturnsAsync(MailSendResult.Sent("msg-1"));
        var objections = new MailObjections(keys.Object, list.Object, new MailObjectionLinks(new Uri("https://kok.example/")));
        return new MailDispatcher(log, sender.Object, time, objections);
    }

    private RecordMailObjection Use(IAuditTrail? audit = null) =>
        new(keys.Object, list.Object, audit ?? Mock.Of<IAuditTrail>(), new SequentialIds(), time);

    private sealed class SequentialIds : IIdGenerator
    {
        private int next;

        public string NewId(string prefix) => $"{prefix}_{++next:D4}";
    }
}
