using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Privacy.ErasureRequests;
using Kok.Domain.SelfService;
using Kok.Domain.Tests.Donations;
using Kok.Domain.Tests.Mail;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.SelfService;

public sealed class RequestOwnErasureTests
{
    private readonly FakeTimeProvider clock = new(T0.AddDays(40));
    private readonly Mock<ISupporterDirectory> directory = new();
    private readonly Mock<IErasureRequestStore> store = new();
    private readonly Mock<IMailSender> sender = new();
    private readonly List<OpenErasureRequest> stored = [];
    private readonly List<MailMessage> mails = [];

    public RequestOwnErasureTests()
    {
        store.Setup(s => s.GetOpenAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string key, CancellationToken _) => stored.SingleOrDefault(r => r.SupporterKey == key));
        store.Setup(s => s.TryAddAsync(It.IsAny<OpenErasureRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OpenErasureRequest r, CancellationToken _) =>
            {
                if (stored.Any(o => o.SupporterKey == r.SupporterKey))
                {
                    return false;
                }

                stored.Add(r);
                return true;
            });
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<MailMessage, CancellationToken>((m, _) => mails.Add(m)).ReturnsAsync(new MailSent("msg_1"));
    }

    [Fact]
    public async Task A_request_records_the_records_address_and_the_message_on_one_line_and_mails_a_confirmation_once()
    {
        var member = ActiveMember();
        Owns([], [member]);

        var first = await UseCase().ExecuteAsync("key", " Bitte alles\r\nlöschen ", null, default);
        var again = await UseCase().ExecuteAsync("key", "noch einmal", null, default);

        Assert.Equal(ErasureRequestOutcome.Requested, first.Outcome);
        var request = Assert.Single(stored);
        Assert.Equal(member.Email, request.Email);
        Assert.Equal("Bitte alles löschen", request.Message);
        Assert.Equal(clock.GetUtcNow(), request.RequestedAt);
        Assert.StartsWith(RequestOwnErasure.IdPrefix + "_", request.RequestId, StringComparison.Ordinal);
        Assert.True(first.MailSent);
        Assert.Equal(ErasureRequestOutcome.AlreadyOpen, again.Outcome);
        Assert.Equal(request, again.Request);
        var mail = Assert.Single(mails);
        Assert.Equal("Ihr Antrag auf Löschung Ihrer Daten", mail.Subject);
        Assert.Contains("gesetzliche Frist", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_a_message_is_recorded_without_one()
    {
        Owns([DonationFixtures.NewDonation(DonationInterval.Once, amountCents: 2500)], []);

        var result = await UseCase().ExecuteAsync("key", "   ", null, default);

        Assert.Equal(ErasureRequestOutcome.Requested, result.Outcome);
        Assert.Null(Assert.Single(stored).Message);
    }

    [Theory]
    [InlineData(501, null)]
    [InlineData(0, "message")]
    public async Task A_bad_message_is_named_and_nothing_is_read_written_or_mailed(int length, string? wrongType)
    {
        var result = await UseCase().ExecuteAsync("key", length == 0 ? null : new string('x', length), wrongType is null ? null : [wrongType], default);

        Assert.Equal(ErasureRequestOutcome.Invalid, result.Outcome);
        Assert.Equal(["message"], result.Errors!.ToDictionary().Keys);
        directory.VerifyNoOtherCalls();
        store.VerifyNoOtherCalls();
        Assert.Empty(mails);
    }

    [Fact]
    public async Task Without_records_under_the_session_there_is_nothing_to_ask_for()
    {
        Owns([], []);

        var result = await UseCase().ExecuteAsync("key", null, null, default);

        Assert.Equal(ErasureRequestOutcome.NotFound, result.Outcome);
        Assert.Empty(stored);
        Assert.Empty(mails);
    }

    [Fact]
    public void The_english_confirmation_says_what_is_erased_and_what_is_kept()
    {
        var mail = RequestOwnErasure.Compose(new MailRecipient("a@example.org", "Alex"), MailLanguage.English, new Uri("https://spenden.example.org/mein-kok"), clock.GetUtcNow());

        Assert.Equal("Your request to erase your data", mail.Subject);
        Assert.Contains("kept locked for the legal period", mail.Text, StringComparison.Ordinal);
    }

    private void Owns(IReadOnlyList<Donation> donations, IReadOnlyList<Member> members) =>
        directory.Setup(d => d.FindAsync("key", It.IsAny<CancellationToken>())).ReturnsAsync(new SupporterRecords(donations, members));

    private RequestOwnErasure UseCase() => new(
        directory.Object,
        store.Object,
        new RandomIdGenerator(),
        new MailDispatcher(new InMemoryMailLog(), sender.Object, clock),
        new SelfServiceLinks(new Uri("https://spenden.example.org")),
        clock);
}
