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

public class SendReceiptMailTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Now);
    private readonly InMemoryDonationRepository donations = new();
    private readonly InMemoryReceiptRegister register = new();
    private readonly InMemoryReceiptArchive archive = new();
    private readonly InMemoryMailLog mailLog = new();
    private readonly Mock<IMailSender> sender = new(MockBehavior.Strict);
    private readonly Mock<IReceiptRenderer> renderer = new(MockBehavior.Strict);
    private readonly List<MailMessage> sent = [];
    private OrganisationProfile organisation = ReceiptTestData.ConfiguredOrganisation;
    private int renders;

    public SendReceiptMailTests()
    {
        SenderAccepts();
        renderer.Setup(r => r.Render(It.IsAny<ReceiptDocument>(), It.IsAny<OrganisationProfile>()))
            .Returns((ReceiptDocument d, OrganisationProfile _) =>
                Encoding.ASCII.GetBytes($"%PDF {d.Number} render {++renders}{(d.IsWithdrawn ? " void" : string.Empty)}"));
    }

    private SendReceiptMail UseCase => new(
        [new DonationReceiptSubjects(donations)],
        register,
        archive,
        renderer.Object,
        new ReceiptMailComposer(organisation),
        organisation,
        new MailDispatcher(mailLog, sender.Object, time),
        mailLog,
        time);

    [Fact]
    public async Task One_time_donation_with_receipt_wish_gets_one_mail_with_its_receipt()
    {
        var paymentId = await AddPaidOneTimeAsync();

        var result = await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);

        Assert.Equal(new ReceiptMailResult(ReceiptMailOutcome.Sent, MailKind.DonationThankYou, "2025-000001"), result);
        var mail = Assert.Single(sent);
        Assert.Equal("erika@example.de", mail.To.Email);
        Assert.Equal("Vielen Dank für Ihre Spende – Zuwendungsbestätigung Nr. 2025-000001", mail.Subject);
        var attachment = Assert.Single(mail.Attachments);
        Assert.Equal("Zuwendungsbestaetigung-2025-000001.pdf", attachment.FileName);
        Assert.Equal(archive.Files[("2025-000001", ReceiptCopy.Original)], attachment.Content);

        var receipt = Assert.Single(register.All);
        Assert.Equal(PaymentKey(paymentId), receipt.PaymentKey);
        Assert.Equal(ReceiptKind.Donation, receipt.Document.Kind);
        Assert.Equal("Erika Mustermann", receipt.Document.DonorName);
        Assert.Equal(["Heidestraße 17", "51147 Köln"], receipt.Document.DonorAddressLines);
        Assert.Equal(2550, receipt.Document.AmountCents);
        Assert.Equal(new DateOnly(2025, 3, 1), receipt.Document.PaymentDate);
        Assert.Equal(new DateOnly(2025, 3, 10), receipt.Document.IssueDate);

        var log = mailLog[new MailLogKey(MailKind.DonationThankYou, PaymentKey(paymentId).Value)]!;
        Assert.Equal(MailLogState.Sent, log.State);
        Assert.Equal("msg-1", log.MessageId);
        Assert.Equal("2025-000001", log.ReceiptNumber);
        Assert.Equal(1, log.Attempts);
        Assert.Null(log.LeaseUntil);
    }

    [Fact]
    public async Task The_receipt_freezes_the_organisation_as_it_is_on_the_day_of_issue()
    {
        var paymentId = await AddPaidOneTimeAsync();

        await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);

        Assert.Same(organisation, Assert.Single(register.All).Document.Issuer);
    }

    [Fact]
    public async Task A_payment_already_in_a_sammelbestaetigung_gets_its_thanks_skipped_and_no_second_receipt()
    {
        var paymentId = await AddPaidOneTimeAsync();
        await register.IssueAnnualAsync(
            new AnnualReceiptIssueRequest(
                AnnualReceiptSubject.CalendarYear(new ReceiptDonorKey("donor-1"), 2025),
                new ReceiptDonor("Erika Mustermann", ["Heidestraße 17", "51147 Köln"]),
                [new AnnualReceiptPayment(PaymentKey(paymentId), new DateOnly(2025, 3, 1), ReceiptKind.Donation, 2550)],
                new DateOnly(2025, 12, 31),
                organisation),
            CancellationToken.None);

        var result = await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);

        Assert.Equal(ReceiptMailOutcome.Skipped, result.Outcome);
        Assert.Empty(sent);
        Assert.Single(register.All);
    }

    [Fact]
    public async Task Up_to_300_euro_the_mail_itself_is_the_simplified_proof()
    {
        var paymentId = await AddPaidOneTimeAsync(wantsReceipt: false, amountCents: 30000);

        await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);

        var mail = Assert.Single(sent);
        Assert.Empty(mail.Attachments);
        Assert.Contains("Beleg zum vereinfachten Zuwendungsnachweis (§ 50 Abs. 4 EStDV)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Betrag: 300,00 €", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_time_donation_without_receipt_wish_gets_a_thank_you_without_attachment()
    {
        var paymentId = await AddPaidOneTimeAsync(wantsReceipt: false);

        var result = await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);

        Assert.Equal(new ReceiptMailResult(ReceiptMailOutcome.Sent, MailKind.DonationThankYou), result);
        Assert.Empty(Assert.Single(sent).Attachments);
        Assert.Empty(register.All);
        Assert.Equal(0, register.IssueCalls);
        Assert.Empty(archive.Files);
    }

    [Fact]
    public async Task Receipt_wish_without_address_gets_a_thank_you_without_receipt()
    {
        var paymentId = await AddPaidOneTimeAsync(withAddress: false);

        await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);

        Assert.Empty(Assert.Single(sent).Attachments);
        Assert.Empty(register.All);
    }

    [Fact]
    public async Task Monthly_donation_is_thanked_once_for_its_first_payment_only()
    {
        var donation = NewDonation(DonationInterval.Monthly, amountCents: 1000);
        donation.Apply(CompletedSubscription("evt_c", paid: true));
        donation.Apply(Invoice("evt_i0", 0));
        donation.Apply(Invoice("evt_i1", 1));
        await donations.TryAddAsync(donation, CancellationToken.None);
        var first = donation.Payments[0].Id;
        var second = donation.Payments[1].Id;

        var secondResult = await UseCase.ExecuteAsync(Paid(second), CancellationToken.None);
        var firstResult = await UseCase.ExecuteAsync(Paid(first), CancellationToken.None);

        Assert.Equal(ReceiptMailOutcome.NoMailDue, secondResult.Outcome);
        Assert.Equal(new ReceiptMailResult(ReceiptMailOutcome.Sent, MailKind.MonthlyDonationThankYou), firstResult);
        var mail = Assert.Single(sent);
        Assert.Equal("Vielen Dank für Ihre monatliche Spende – KOK e.V.", mail.Subject);
        Assert.Empty(mail.Attachments);
        Assert.Empty(register.All);
        Assert.Equal(MailLogState.Sent, mailLog[new MailLogKey(MailKind.MonthlyDonationThankYou, "donation:" + DonationId)]!.State);
    }

    [Fact]
    public async Task Payment_not_yet_paid_is_retried_and_leaves_no_trace()
    {
        var donation = NewDonation(method: PaymentMethodKind.SepaDebit);
        donation.Apply(Completed("evt_1", paid: false));
        await donations.TryAddAsync(donation, CancellationToken.None);

        await Assert.ThrowsAsync<PaymentNotSettledException>(() => UseCase.ExecuteAsync(Paid(donation.Payments[0].Id), CancellationToken.None));

        Assert.Empty(sent);
        Assert.Empty(mailLog.Entries);
    }

    [Fact]
    public async Task Payment_the_donation_does_not_know_yet_is_retried()
    {
        await donations.TryAddAsync(NewDonation(), CancellationToken.None);
        var notYetSaved = Donation.PaymentIdPrefix + "_" + new string('a', 20);

        await Assert.ThrowsAsync<PaymentNotSettledException>(() => UseCase.ExecuteAsync(Paid(notYetSaved), CancellationToken.None));
        Assert.Empty(sent);
    }

    [Fact]
    public async Task Failed_payment_is_not_thanked()
    {
        var donation = NewDonation(method: PaymentMethodKind.SepaDebit);
        donation.Apply(Completed("evt_1", paid: false));
        donation.Apply(Failed("evt_2"));
        await donations.TryAddAsync(donation, CancellationToken.None);

        var result = await UseCase.ExecuteAsync(Paid(donation.Payments[0].Id), CancellationToken.None);

        Assert.Equal(ReceiptMailOutcome.PaymentFailed, result.Outcome);
        Assert.Empty(sent);
    }

    [Theory]
    [InlineData(DonationId, "pay_unknownunknownunkn")]
    [InlineData("don_zzzzzzzzzzzzzzzzzzzz", "pay_aaaaaaaaaaaaaaaaaaaa")]
    [InlineData("../../etc", "pay_aaaaaaaaaaaaaaaaaaaa")]
    public async Task Unknown_or_malformed_subject_is_reported_as_not_found(string donationId, string paymentId)
    {
        await AddPaidOneTimeAsync();

        var result = await UseCase.ExecuteAsync(new ReceiptMailRequest(ReceiptSubjectKind.Donation, donationId, paymentId), CancellationToken.None);

        Assert.Equal(ReceiptMailOutcome.SubjectNotFound, result.Outcome);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task The_same_request_twice_sends_one_mail_with_one_receipt_number()
    {
        var paymentId = await AddPaidOneTimeAsync();

        await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);
        var again = await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);

        Assert.Equal(new ReceiptMailResult(ReceiptMailOutcome.AlreadyHandled, MailKind.DonationThankYou, "2025-000001"), again);
        Assert.Single(sent);
        Assert.Single(register.All);
        Assert.Equal(1, register.IssueCalls);
    }

    [Fact]
    public async Task Rejected_mail_is_logged_as_failed_with_the_reason_and_not_retried()
    {
        var paymentId = await AddPaidOneTimeAsync();
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<MailMessage, CancellationToken>((m, _) => sent.Add(m))
            .ReturnsAsync(MailSendResult.Rejected("550 mailbox unavailable"));

        var result = await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);
        var again = await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);

        Assert.Equal(ReceiptMailOutcome.Rejected, result.Outcome);
        Assert.Equal(ReceiptMailOutcome.AlreadyHandled, again.Outcome);
        Assert.Single(sent);
        var log = mailLog[new MailLogKey(MailKind.DonationThankYou, PaymentKey(paymentId).Value)]!;
        Assert.Equal(MailLogState.Failed, log.State);
        Assert.Equal("550 mailbox unavailable", log.FailureReason);
        Assert.Equal("2025-000001", log.ReceiptNumber);
    }

    [Fact]
    public async Task Transient_failures_surface_for_the_queue_and_the_third_try_sends_with_the_same_number()
    {
        var paymentId = await AddPaidOneTimeAsync();
        var calls = 0;
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Returns((MailMessage m, CancellationToken _) =>
            {
                sent.Add(m);
                return ++calls <= 2
                    ? throw new HttpRequestException("503 Service Unavailable")
                    : Task.FromResult(MailSendResult.Sent("msg-3"));
            });
        var key = new MailLogKey(MailKind.DonationThankYou, PaymentKey(paymentId).Value);

        await Assert.ThrowsAsync<HttpRequestException>(() => UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None));
        var afterFirst = mailLog[key]!;
        await Assert.ThrowsAsync<HttpRequestException>(() => UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None));
        var afterSecond = mailLog[key]!;
        var result = await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);

        Assert.Equal((MailLogState.Pending, 1, "HttpRequestException", (DateTimeOffset?)null), (afterFirst.State, afterFirst.Attempts, afterFirst.LastError, afterFirst.LeaseUntil));
        Assert.Equal((MailLogState.Pending, 2), (afterSecond.State, afterSecond.Attempts));
        Assert.Equal(ReceiptMailOutcome.Sent, result.Outcome);
        Assert.Equal((MailLogState.Sent, 3, "msg-3"), (mailLog[key]!.State, mailLog[key]!.Attempts, mailLog[key]!.MessageId));
        Assert.Equal(3, sent.Count);
        Assert.All(sent, m => Assert.Equal("Zuwendungsbestaetigung-2025-000001.pdf", Assert.Single(m.Attachments).FileName));
        Assert.Single(register.All);

        // Each try rendered the PDF anew; every mail carried the archived first rendering.
        Assert.Equal(3, renders);
        Assert.All(sent, m => Assert.Equal("%PDF 2025-000001 render 1", Encoding.ASCII.GetString(m.Attachments[0].Content)));
    }

    [Fact]
    public async Task A_duplicate_arriving_while_the_first_is_sending_is_retried_and_a_vanished_worker_is_taken_over()
    {
        var paymentId = await AddPaidOneTimeAsync();
        var key = new MailLogKey(MailKind.DonationThankYou, PaymentKey(paymentId).Value);
        await mailLog.TryAddAsync(MailLogEntry.Begin(key, Now, MailDispatcher.Lease), CancellationToken.None);

        await Assert.ThrowsAsync<MailInProgressException>(() => UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None));
        Assert.Empty(sent);

        time.Advance(MailDispatcher.Lease + TimeSpan.FromSeconds(1));
        var result = await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);

        Assert.Equal(ReceiptMailOutcome.Sent, result.Outcome);
        Assert.Single(sent);
        Assert.Equal(2, mailLog[key]!.Attempts);
    }

    [Fact]
    public async Task Receipt_due_but_organisation_not_configured_is_retried_without_taking_a_number()
    {
        organisation = OrganisationProfile.KokDefaults;
        var paymentId = await AddPaidOneTimeAsync();

        var error = await Assert.ThrowsAsync<ReceiptsUnavailableException>(() => UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None));

        Assert.Contains("TaxNumber", error.Message, StringComparison.Ordinal);
        Assert.Empty(sent);
        Assert.Empty(register.All);
        var log = mailLog[new MailLogKey(MailKind.DonationThankYou, PaymentKey(paymentId).Value)]!;
        Assert.Equal((MailLogState.Pending, nameof(ReceiptsUnavailableException)), (log.State, log.LastError));
    }

    [Fact]
    public async Task Expired_exemption_notice_stops_receipts()
    {
        organisation = ReceiptTestData.ConfiguredOrganisation with { ExemptionNoticeDate = new DateOnly(2019, 1, 1) };
        var paymentId = await AddPaidOneTimeAsync();

        await Assert.ThrowsAsync<ReceiptsUnavailableException>(() => UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None));
        Assert.Empty(register.All);
    }

    [Fact]
    public async Task Refund_withdraws_the_receipt_archives_a_void_copy_and_tells_the_donor_once()
    {
        var paymentId = await AddPaidOneTimeAsync();
        await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);
        await RefundAsync();
        time.Advance(TimeSpan.FromDays(2));

        var result = await UseCase.ExecuteAsync(Refund(paymentId), CancellationToken.None);
        var again = await UseCase.ExecuteAsync(Refund(paymentId), CancellationToken.None);

        Assert.Equal(new ReceiptMailResult(ReceiptMailOutcome.Sent, MailKind.ReceiptWithdrawn, "2025-000001"), result);
        Assert.Equal(ReceiptMailOutcome.AlreadyHandled, again.Outcome);
        var receipt = Assert.Single(register.All);
        Assert.Equal(new DateOnly(2025, 3, 12), receipt.Document.WithdrawnOn);
        Assert.Equal("%PDF 2025-000001 render 1", Encoding.ASCII.GetString(archive.Files[("2025-000001", ReceiptCopy.Original)]));
        Assert.EndsWith(" void", Encoding.ASCII.GetString(archive.Files[("2025-000001", ReceiptCopy.Withdrawn)]), StringComparison.Ordinal);
        Assert.Equal(2, sent.Count);
        Assert.Equal("Zuwendungsbestätigung Nr. 2025-000001 storniert", sent[1].Subject);
        Assert.Empty(sent[1].Attachments);
    }

    [Fact]
    public async Task Refund_of_a_receipt_whose_mail_was_rejected_withdraws_it_silently()
    {
        var paymentId = await AddPaidOneTimeAsync();
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<MailMessage, CancellationToken>((m, _) => sent.Add(m))
            .ReturnsAsync(MailSendResult.Rejected("invalid address"));
        await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);
        await RefundAsync();

        var result = await UseCase.ExecuteAsync(Refund(paymentId), CancellationToken.None);

        Assert.Equal(new ReceiptMailResult(ReceiptMailOutcome.Withdrawn, null, "2025-000001"), result);
        Assert.True(Assert.Single(register.All).Document.IsWithdrawn);
        Assert.Single(sent);
    }

    [Fact]
    public async Task Refund_request_overtaking_the_save_of_the_refund_is_retried()
    {
        var paymentId = await AddPaidOneTimeAsync();
        await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);

        await Assert.ThrowsAsync<PaymentNotSettledException>(() => UseCase.ExecuteAsync(Refund(paymentId), CancellationToken.None));
        Assert.False(Assert.Single(register.All).Document.IsWithdrawn);
    }

    [Fact]
    public async Task Refund_of_a_payment_without_receipt_needs_no_mail()
    {
        var paymentId = await AddPaidOneTimeAsync(wantsReceipt: false);
        await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);
        await RefundAsync();

        var result = await UseCase.ExecuteAsync(Refund(paymentId), CancellationToken.None);

        Assert.Equal(ReceiptMailOutcome.NoMailDue, result.Outcome);
        Assert.Single(sent);
    }

    [Fact]
    public async Task Payment_refunded_before_its_thanks_went_out_gets_none()
    {
        var paymentId = await AddPaidOneTimeAsync();
        await RefundAsync();

        var result = await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);
        var refund = await UseCase.ExecuteAsync(Refund(paymentId), CancellationToken.None);

        Assert.Equal(ReceiptMailOutcome.PaymentRefunded, result.Outcome);
        Assert.Equal(ReceiptMailOutcome.NoMailDue, refund.Outcome);
        Assert.Empty(sent);
        Assert.Empty(register.All);
    }

    [Fact]
    public async Task Receipt_withdrawn_while_its_mail_was_retried_is_not_sent()
    {
        var paymentId = await AddPaidOneTimeAsync();
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("timeout"));
        await Assert.ThrowsAsync<HttpRequestException>(() => UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None));
        SenderAccepts();
        await register.MarkWithdrawnAsync(PaymentKey(paymentId), new DateOnly(2025, 3, 10), CancellationToken.None);

        var result = await UseCase.ExecuteAsync(Paid(paymentId), CancellationToken.None);

        Assert.Equal(ReceiptMailOutcome.Skipped, result.Outcome);
        Assert.Empty(sent);
        var log = mailLog[new MailLogKey(MailKind.DonationThankYou, PaymentKey(paymentId).Value)]!;
        Assert.Equal(MailLogState.Failed, log.State);
        Assert.Contains("withdrawn", log.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payment_just_before_midnight_utc_on_new_years_eve_is_dated_in_german_time()
    {
        time.SetUtcNow(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
        var donation = Donation.Create(DonationId, Request(), T0);
        donation.AttachCheckout(new CheckoutSession(SessionId, CheckoutUrl));
        donation.Apply(Completed("evt_1", paid: true) with { Created = new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero) });
        await donations.TryAddAsync(donation, CancellationToken.None);

        await UseCase.ExecuteAsync(Paid(donation.Payments[0].Id), CancellationToken.None);

        var receipt = Assert.Single(register.All).Document;
        Assert.Equal(new DateOnly(2026, 1, 1), receipt.PaymentDate);
        Assert.Equal("2026-000001", receipt.Number);
    }

    private static ReceiptPaymentKey PaymentKey(string paymentId) =>
        ReceiptPaymentKey.For(ReceiptSubjectKind.Donation, DonationId, paymentId);

    private static ReceiptMailRequest Paid(string paymentId) => new(ReceiptSubjectKind.Donation, DonationId, paymentId);

    private static ReceiptMailRequest Refund(string paymentId) =>
        new(ReceiptSubjectKind.Donation, DonationId, paymentId, ReceiptMailPurpose.Refunded);

    private void SenderAccepts() =>
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<MailMessage, CancellationToken>((m, _) => sent.Add(m))
            .ReturnsAsync(() => MailSendResult.Sent($"msg-{sent.Count}"));

    private async Task<string> AddPaidOneTimeAsync(bool wantsReceipt = true, bool withAddress = true, long amountCents = 2550)
    {
        var request = Request(amountCents: amountCents) with { WantsReceipt = wantsReceipt };
        if (!withAddress)
        {
            request = request with { Donor = request.Donor with { Address = null } };
        }

        var donation = Donation.Create(DonationId, request, T0);
        donation.AttachCheckout(new CheckoutSession(SessionId, CheckoutUrl));
        donation.Apply(Completed("evt_1", paid: true, amount: amountCents));
        await donations.TryAddAsync(donation, CancellationToken.None);
        return donation.Payments[0].Id;
    }

    private async Task RefundAsync()
    {
        var stored = (await donations.GetAsync(DonationId, CancellationToken.None))!;
        stored.Donation.Apply(Refunded("evt_refund"));
        Assert.True(await donations.TrySaveAsync(stored.Donation, stored.Version, [], CancellationToken.None));
    }
}
