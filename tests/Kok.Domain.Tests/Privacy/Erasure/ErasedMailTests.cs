using Kok.Domain.Mail;
using Kok.Domain.Privacy;
using Kok.Domain.Privacy.Erasure;
using Kok.Domain.SelfService;
using Kok.Domain.Tests.Mail;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kok.Domain.Tests.Privacy.Erasure;

/// <summary>A mail still waiting for a supporter whose data was erased is not sent, even a required one: nobody is there.</summary>
public sealed class ErasedMailTests
{
    [Fact]
    public async Task A_receipt_mail_for_an_erased_supporter_is_skipped_and_logged_as_such()
    {
        var sender = new Mock<IMailSender>();
        var objections = new MailObjections(Mock.Of<IMailObjectionKeys>(), Mock.Of<IMailObjectionList>(), new MailObjectionLinks(new Uri("https://kok.example/")));
        var dispatcher = new MailDispatcher(new InMemoryMailLog(), sender.Object, new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero)),
            new MailFinishing(objections, new SelfServiceLinks(new Uri("https://kok.example/"))));
        var prepared = PreparedMail.Send(new MailBodyBuilder(MailLanguage.German).Paragraph("Danke.").Build(
            new MailRecipient(ErasedSupporter.EmailFor("don_x"), ErasedSupporter.Name), "Ihre Zuwendungsbestätigung"));

        var dispatch = await dispatcher.SendOnceAsync(new MailLogKey(MailKind.DonationThankYou, "donation:don_x"), _ => Task.FromResult(prepared), CancellationToken.None);

        Assert.NotEqual(MailDispatchOutcome.Sent, dispatch.Outcome);
        sender.VerifyNoOtherCalls();
    }
}
