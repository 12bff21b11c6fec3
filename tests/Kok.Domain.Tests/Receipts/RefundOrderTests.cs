using System.Text;
using Kok.Domain.Common;
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
/// A full refund right after the payment: the payment event, the refund event and the two receipt-mail deliveries
/// (thank-you and refund) in every order, each message delivered before its save too (then it is "not yet" and comes
/// again later, as the queue function puts it back; an event that overtook the one it needs is redelivered by the
/// provider). One rule decides the mails: the donor gets the thank-you with the Zuwendungsbestätigung and then the
/// "storniert" mail if, and only if, the thank-you went out before the refund was saved; otherwise no mail and no
/// receipt number. Never a third outcome, whatever the interleaving.
/// </summary>
public sealed class RefundOrderTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Steps = ["payment event", "refund event", "thank-you delivery", "refund delivery"];

    private readonly FakeTimeProvider time = new(Now);
    private readonly InMemoryDonationRepository donations = new();
    private readonly InMemoryReceiptRegister register = new();
    private readonly InMemoryReceiptArchive archive = new();
    private readonly HookedMailLog mailLog = new();
    private readonly Mock<IMailSender> sender = new(MockBehavior.Strict);
    private readonly Mock<IReceiptRenderer> renderer = new(MockBehavior.Strict);
    private readonly Mock<IReceiptMailQueue> queue = new();
    private readonly List<MailMessage> sent = [];
    private readonly string paymentId;
    private PaymentEvent moneyBack = Refunded("evt_refund");

    public RefundOrderTests()
    {
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<MailMessage, CancellationToken>((m, _) => sent.Add(m))
            .ReturnsAsync(() => MailSendResult.Sent($"msg-{sent.Count}"));
        renderer.Setup(r => r.Render(It.IsAny<ReceiptDocument>(), It.IsAny<OrganisationProfile>()))
            .Returns((ReceiptDocument d, OrganisationProfile _) => Encoding.ASCII.GetBytes($"%PDF {d.Number}{(d.IsWithdrawn ? " void" : string.Empty)}"));

        var donation = Donation.Create(DonationId, Request(), T0);
        donation.AttachCheckout(new CheckoutSession(SessionId, CheckoutUrl));
        Assert.True(donations.TryAddAsync(donation, CancellationToken.None).GetAwaiter().GetResult());

        // The id the payment will get (derived from the donation and its checkout, as every redelivery derives it).
        var probe = Donation.Create(DonationId, Request(), T0);
        probe.AttachCheckout(new CheckoutSession(SessionId, CheckoutUrl));
        probe.Apply(Completed("evt_pay", paid: true));
        paymentId = probe.Payments[0].Id;
    }

    public static TheoryData<int[]> EveryOrder()
    {
        var orders = new TheoryData<int[]>();
        foreach (var order in Permutations([0, 1, 2, 3]))
        {
            orders.Add(order);
        }

        return orders;
    }

    [Theory]
    [MemberData(nameof(EveryOrder))]
    public async Task Every_order_of_payment_refund_and_their_mails_gives_the_mails_of_one_rule(int[] order)
    {
        var thanksWentOutFirst = await RunAsync(order);

        if (thanksWentOutFirst)
        {
            Assert.Equal(
                ["Vielen Dank für Ihre Spende – Zuwendungsbestätigung Nr. 2025-000001", "Zuwendungsbestätigung Nr. 2025-000001 storniert"],
                sent.Select(m => m.Subject));
            var receipt = Assert.Single(register.All);
            Assert.True(receipt.Document.IsWithdrawn);
            Assert.True(archive.Files.ContainsKey(("2025-000001", ReceiptCopy.Withdrawn)));
        }
        else
        {
            Assert.Empty(sent);
            Assert.Empty(register.All);
            var thanks = mailLog[ThanksKey]!;
            Assert.Equal((MailLogState.Failed, SendReceiptMail.RefundedBeforeThanks), (thanks.State, thanks.FailureReason));
        }
    }

    public static TheoryData<int[], string> EveryOrderOfATakeBack()
    {
        var orders = new TheoryData<int[], string>();
        foreach (var order in Permutations([0, 1, 2, 3]))
        {
            orders.Add(order, "returned debit");
            orders.Add(order, "dispute");
        }

        return orders;
    }

    /// <summary>
    /// Money the bank takes back goes the refund's way, through the very same request and mailer step: the same one
    /// rule in every order, with the wording of a return.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryOrderOfATakeBack))]
    public async Task A_return_or_dispute_withdraws_the_receipt_by_the_refunds_rule_in_every_order(int[] order, string kind)
    {
        moneyBack = kind == "dispute" ? Dispute("evt_dispute", DisputeStatus.Open) : ChargeFailedAt("evt_return", 60 * 24 * 5);

        var thanksWentOutFirst = await RunAsync(order);

        if (thanksWentOutFirst)
        {
            Assert.Equal(
                ["Vielen Dank für Ihre Spende – Zuwendungsbestätigung Nr. 2025-000001", "Zuwendungsbestätigung Nr. 2025-000001 storniert"],
                sent.Select(m => m.Subject));
            Assert.Contains("über Ihre Bank zurückgebucht", sent[1].Text, StringComparison.Ordinal);
            Assert.True(Assert.Single(register.All).Document.IsWithdrawn);
        }
        else
        {
            Assert.Empty(sent);
            Assert.Empty(register.All);
        }
    }

    [Fact]
    public async Task Refund_saved_while_the_thank_you_is_being_prepared_waits_for_it_and_then_withdraws_the_receipt()
    {
        await PaymentEventAsync();
        var refundDelivery = (bool?)null;
        renderer.Setup(r => r.Render(It.Is<ReceiptDocument>(d => !d.IsWithdrawn), It.IsAny<OrganisationProfile>()))
            .Returns((ReceiptDocument d, OrganisationProfile _) =>
            {
                // Inside the thank-you, after its number was taken: the refund arrives and its mail is delivered.
                RefundEventAsync().GetAwaiter().GetResult();
                refundDelivery = DeliverAsync(Refund).GetAwaiter().GetResult();
                return Encoding.ASCII.GetBytes($"%PDF {d.Number}");
            });

        Assert.True(await DeliverAsync(Paid));
        Assert.False(refundDelivery);
        Assert.True(await DeliverAsync(Refund));

        Assert.Equal(2, sent.Count);
        Assert.Equal("Zuwendungsbestätigung Nr. 2025-000001 storniert", sent[1].Subject);
        Assert.True(Assert.Single(register.All).Document.IsWithdrawn);
    }

    [Fact]
    public async Task Refund_saved_between_the_thank_you_reading_the_payment_and_taking_the_mail_sends_nothing()
    {
        await PaymentEventAsync();
        mailLog.BeforeFirstAdd = async () =>
        {
            await RefundEventAsync();
            Assert.True(await DeliverAsync(Refund));
        };

        Assert.True(await DeliverAsync(Paid));

        Assert.Empty(sent);
        Assert.Empty(register.All);
    }

    private MailLogKey ThanksKey => new(MailKind.DonationThankYou, ReceiptPaymentKey.For(ReceiptSubjectKind.Donation, DonationId, paymentId).Value);

    private ReceiptMailRequest Paid => new(ReceiptSubjectKind.Donation, DonationId, paymentId);

    private ReceiptMailRequest Refund => new(ReceiptSubjectKind.Donation, DonationId, paymentId, ReceiptMailPurpose.Refunded);

    private SendReceiptMail Mailer
    {
        get
        {
            var organisation = ReceiptTestData.ConfiguredOrganisation;
            return new SendReceiptMail(
                [new DonationReceiptSubjects(donations)],
                register,
                archive,
                renderer.Object,
                new ReceiptMailComposer(organisation),
                organisation,
                new MailDispatcher(mailLog, sender.Object, time),
                mailLog,
                time);
        }
    }

    private static IEnumerable<int[]> Permutations(int[] items) =>
        items.Length <= 1
            ? [items]
            : items.SelectMany(first => Permutations([.. items.Where(i => i != first)]).Select(rest => (int[])[first, .. rest]));

    /// <summary>
    /// Runs the steps in order; a step that cannot happen yet comes again after the last, as queue and provider bring
    /// it again. True when the thank-you delivery was done before the refund was saved (then it had to go out).
    /// </summary>
    private async Task<bool> RunAsync(int[] order)
    {
        var pending = new Queue<int>(order);
        var refundSaved = false;
        var thanksBeforeRefund = false;
        for (var turns = 0; pending.Count > 0; turns++)
        {
            Assert.True(turns < 20, "the steps never all happened");
            var step = pending.Dequeue();
            var done = step switch
            {
                0 => await PaymentEventAsync(),
                1 => refundSaved = await RefundEventAsync(),
                2 => await DeliverAsync(Paid),
                _ => await DeliverAsync(Refund),
            };
            thanksBeforeRefund |= step == 2 && done && !refundSaved;
            if (!done)
            {
                pending.Enqueue(step);
            }
        }

        return thanksBeforeRefund;
    }

    private async Task<bool> PaymentEventAsync() =>
        (await new HandlePaymentEvent(donations, queue.Object).ExecuteAsync(Completed("evt_pay", paid: true), CancellationToken.None)).Disposition != PaymentEventDisposition.RetryLater;

    private async Task<bool> RefundEventAsync()
    {
        var handled = await new HandlePaymentEvent(donations, queue.Object).ExecuteAsync(moneyBack, CancellationToken.None);
        return handled.Disposition != PaymentEventDisposition.RetryLater && handled.Found;
    }

    /// <summary>True when the delivery is done; false when it was "not yet" and the queue brings it again.</summary>
    private async Task<bool> DeliverAsync(ReceiptMailRequest request)
    {
        try
        {
            await Mailer.ExecuteAsync(request, CancellationToken.None);
            return true;
        }
        catch (NotYetException)
        {
            return false;
        }
    }

    /// <summary>The in-memory mail log with a hook before the first insert, to stage a race at the claim.</summary>
    private sealed class HookedMailLog : IMailLog
    {
        private readonly InMemoryMailLog inner = new();

        public Func<Task>? BeforeFirstAdd { get; set; }

        public MailLogEntry? this[MailLogKey key] => inner[key];

        public Task<MailLogEntry?> GetAsync(MailLogKey key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public async Task<bool> TryAddAsync(MailLogEntry entry, CancellationToken cancellationToken)
        {
            if (BeforeFirstAdd is { } hook)
            {
                BeforeFirstAdd = null;
                await hook();
            }

            return await inner.TryAddAsync(entry, cancellationToken);
        }

        public Task<bool> TryReplaceAsync(MailLogEntry entry, CancellationToken cancellationToken) => inner.TryReplaceAsync(entry, cancellationToken);

        public Task SaveAsync(MailLogEntry entry, CancellationToken cancellationToken) => inner.SaveAsync(entry, cancellationToken);
    }
}
