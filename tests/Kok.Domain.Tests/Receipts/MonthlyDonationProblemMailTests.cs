using System.Text;
using Kok.Domain.Donations;
using Kok.Domain.Mail;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;
using Kok.Domain.Tests.Donations;
using Kok.Domain.Tests.Mail;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Donations.DonationFixtures;

namespace Kok.Domain.Tests.Receipts;

/// <summary>
/// A monthly donation whose payments fail: one mail per failed payment with the reason, a last mail when the provider
/// gives up, each once however often events and messages come; a failure paid on retry before its mail is not mailed.
/// </summary>
public sealed class MonthlyDonationProblemMailTests
{
    private readonly FakeTimeProvider time = new(T0.AddMonths(4));
    private readonly InMemoryDonationRepository donations = new();
    private readonly InMemoryMailLog mailLog = new();
    private readonly Mock<IMailSender> sender = new(MockBehavior.Strict);
    private readonly Mock<IReceiptMailQueue> queue = new();
    private readonly List<ReceiptMailRequest> requests = [];
    private readonly List<MailMessage> sent = [];

    public MonthlyDonationProblemMailTests()
    {
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<MailMessage, CancellationToken>((m, _) => sent.Add(m))
            .ReturnsAsync(() => MailSendResult.Sent($"msg-{sent.Count}"));
        queue.Setup(q => q.EnqueueAsync(It.IsAny<ReceiptMailRequest>(), It.IsAny<CancellationToken>()))
            .Callback<ReceiptMailRequest, CancellationToken>((r, _) => requests.Add(r))
            .Returns(Task.CompletedTask);
        var donation = NewDonation(DonationInterval.Monthly, amountCents: 1000);
        Assert.True(donations.TryAddAsync(donation, CancellationToken.None).GetAwaiter().GetResult());
    }

    [Fact]
    public async Task Failing_twice_then_given_up_sends_two_failure_mails_and_a_last_one_each_once()
    {
        PaymentEvent[] events =
        [
            CompletedSubscription("evt_c", paid: true), Invoice("evt_i0", 0),
            InvoiceFailed("evt_f1", 1), InvoiceFailed("evt_f1_retry", 1, attempt: 2), InvoiceFailed("evt_f2", 2, code: "insufficient_funds"),
            SubscriptionNow("evt_u", SubscriptionState.Canceled, 3, SubscriptionEndReason.PaymentFailed),
            EndedBecause("evt_e", SubscriptionEndReason.PaymentFailed, 3),
        ];
        foreach (var paymentEvent in events.Concat(events))
        {
            await new HandlePaymentEvent(donations, queue.Object).ExecuteAsync(paymentEvent, CancellationToken.None);
        }

        foreach (var request in requests.Where(r => r.Purpose != ReceiptMailPurpose.Paid).Concat(requests).ToList())
        {
            if (request.Purpose != ReceiptMailPurpose.Paid)
            {
                await Mailer.ExecuteAsync(request, CancellationToken.None);
            }
        }

        var stored = await donations.GetAsync(DonationId, CancellationToken.None);
        Assert.Equal(DonationStatus.Cancelled, stored!.Donation.Status);
        Assert.Equal(SubscriptionEndReason.PaymentFailed, stored.Donation.EndReason);
        Assert.Equal(
            [
                "Ihre monatliche Spende konnte nicht eingezogen werden – KOK",
                "Ihre monatliche Spende konnte nicht eingezogen werden – KOK",
                "Ihre monatliche Spende wurde beendet – KOK",
            ],
            sent.Select(m => m.Subject.Replace(ReceiptTestData.ConfiguredOrganisation.ShortName, "KOK", StringComparison.Ordinal)));
        Assert.Contains("Die Karte ist abgelaufen.", sent[0].Text, StringComparison.Ordinal);
        Assert.Contains("Das Konto war nicht gedeckt.", sent[1].Text, StringComparison.Ordinal);
        Assert.Contains(ReceiptTestData.ConfiguredOrganisation.ContactEmail, sent[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_paid_on_retry_before_its_mail_sends_none()
    {
        foreach (var paymentEvent in new PaymentEvent[] { CompletedSubscription("evt_c", paid: true), Invoice("evt_i0", 0), InvoiceFailed("evt_f1", 1), Invoice("evt_i1", 1) })
        {
            await new HandlePaymentEvent(donations, queue.Object).ExecuteAsync(paymentEvent, CancellationToken.None);
        }

        var failed = Assert.Single(requests, r => r.Purpose == ReceiptMailPurpose.MonthlyPaymentFailed);
        Assert.Equal(ReceiptMailOutcome.NoMailDue, (await Mailer.ExecuteAsync(failed, CancellationToken.None)).Outcome);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task The_last_mail_that_overtakes_the_saved_end_is_put_back_and_sent_once_the_end_is_saved()
    {
        foreach (var paymentEvent in new PaymentEvent[] { CompletedSubscription("evt_c", paid: true), Invoice("evt_i0", 0), InvoiceFailed("evt_f1", 1) })
        {
            await new HandlePaymentEvent(donations, queue.Object).ExecuteAsync(paymentEvent, CancellationToken.None);
        }

        // The webhook sends the end's message before it saves the end: a mailer that reads the donation in between
        // sees it still running.
        await new HandlePaymentEvent(donations, queue.Object).ExecuteAsync(EndedBecause("evt_e", SubscriptionEndReason.PaymentFailed, 2), CancellationToken.None);
        var ended = Assert.Single(requests, r => r.Purpose == ReceiptMailPurpose.MonthlyDonationEnded);
        var running = new InMemoryDonationRepository();
        Assert.True(await running.TryAddAsync(NewDonation(DonationInterval.Monthly, amountCents: 1000), CancellationToken.None));
        foreach (var paymentEvent in new PaymentEvent[] { CompletedSubscription("evt_c", paid: true), Invoice("evt_i0", 0), InvoiceFailed("evt_f1", 1) })
        {
            await new HandlePaymentEvent(running, new Mock<IReceiptMailQueue>().Object).ExecuteAsync(paymentEvent, CancellationToken.None);
        }

        await Assert.ThrowsAsync<PaymentNotSettledException>(() => MailerOver(running).ExecuteAsync(ended, CancellationToken.None));
        Assert.Empty(sent);

        Assert.Equal(ReceiptMailOutcome.Sent, (await Mailer.ExecuteAsync(ended, CancellationToken.None)).Outcome);
        Assert.Equal("Ihre monatliche Spende wurde beendet – KOK", Assert.Single(sent).Subject.Replace(ReceiptTestData.ConfiguredOrganisation.ShortName, "KOK", StringComparison.Ordinal));
    }

    /// <summary>
    /// The first monthly payment fails and is paid on the provider's retry. Its thank-you is sent before the payment
    /// is saved as paid (ADR 0003), so a mailer that reads the donation in between finds the payment failed: that is
    /// the save still to come, not a payment that failed for good (whose thank-you is never asked for).
    /// </summary>
    [Fact]
    public async Task A_thank_you_that_overtakes_the_save_of_a_payment_paid_on_retry_waits_for_it_and_is_then_sent()
    {
        var failedSoFar = new InMemoryDonationRepository();
        Assert.True(await failedSoFar.TryAddAsync(NewDonation(DonationInterval.Monthly, amountCents: 1000), CancellationToken.None));
        foreach (var repository in new[] { failedSoFar, donations })
        {
            foreach (var paymentEvent in new PaymentEvent[] { CompletedSubscription("evt_c", paid: false), InvoiceFailed("evt_f0", 0) })
            {
                await new HandlePaymentEvent(repository, new Mock<IReceiptMailQueue>().Object).ExecuteAsync(paymentEvent, CancellationToken.None);
            }
        }

        await new HandlePaymentEvent(donations, queue.Object).ExecuteAsync(Invoice("evt_i0", 0), CancellationToken.None);
        var thanks = Assert.Single(requests, r => r.Purpose == ReceiptMailPurpose.Paid);

        await Assert.ThrowsAsync<PaymentNotSettledException>(() => MailerOver(failedSoFar).ExecuteAsync(thanks, CancellationToken.None));
        Assert.Empty(sent);
        Assert.Equal(ReceiptMailOutcome.Sent, (await Mailer.ExecuteAsync(thanks, CancellationToken.None)).Outcome);
        Assert.Single(sent);
    }

    private SendReceiptMail Mailer => MailerOver(donations);

    private SendReceiptMail MailerOver(InMemoryDonationRepository source)
    {
        var organisation = ReceiptTestData.ConfiguredOrganisation;
        var renderer = new Mock<IReceiptRenderer>();
        renderer.Setup(r => r.Render(It.IsAny<ReceiptDocument>(), It.IsAny<OrganisationProfile>())).Returns(Encoding.ASCII.GetBytes("%PDF"));
        return new SendReceiptMail(
            [new DonationReceiptSubjects(source)],
            new InMemoryReceiptRegister(),
            new InMemoryReceiptArchive(),
            renderer.Object,
            new ReceiptMailComposer(organisation),
            organisation,
            new MailDispatcher(mailLog, sender.Object, time),
            mailLog,
            time);
    }
}
