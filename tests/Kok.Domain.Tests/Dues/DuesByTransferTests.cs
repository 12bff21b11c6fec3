using Kok.Domain.BankTransfers;
using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;
using Kok.Domain.Tests.Common;
using Kok.Domain.Tests.Donations;
using Kok.Domain.Tests.Membership;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kok.Domain.Tests.Dues;

/// <summary>Dues by bank transfer: sign-up, the code, the dues run's payment request, and credits paying the dues.</summary>
public sealed class DuesByTransferTests
{
    private static readonly BankTransferSettings Transfers = new(BankAccount.From("KOK e.V.", "DE02120300000000202051", "BYLADEM1001", "Testbank"));

    private readonly InMemoryMemberRepository members = new();
    private readonly InMemoryDonationRepository donations = new();
    private readonly List<MemberMailRequest> memberMails = [];
    private readonly List<ReceiptMailRequest> receiptMails = [];
    private readonly List<DuesChargeMessage> charges = [];
    private readonly FakeTimeProvider clock = new(MemberFixtures.T0);

    private static Member PendingTransferMember(string id = MemberFixtures.MemberId) =>
        Member.Create(id, MemberFixtures.Request(method: PaymentMethodKind.BankTransfer), MemberFixtures.T0);

    private static DuesTransferPayment Credit(long cents, string eventId = "bank:e1", bool staff = false, DateOnly? on = null) =>
        new(eventId, cents, on ?? new DateOnly(2026, 3, 2), "KOK-TEST", staff);

    private Mock<IMemberMailQueue> MemberMailQueue()
    {
        var queue = new Mock<IMemberMailQueue>();
        queue.Setup(q => q.EnqueueAsync(It.IsAny<MemberMailRequest>(), It.IsAny<CancellationToken>()))
            .Callback<MemberMailRequest, CancellationToken>((r, _) => memberMails.Add(r)).Returns(Task.CompletedTask);
        return queue;
    }

    private PayDuesByTransfer Pay()
    {
        var receipts = new Mock<IReceiptMailQueue>();
        receipts.Setup(q => q.EnqueueAsync(It.IsAny<ReceiptMailRequest>(), It.IsAny<CancellationToken>()))
            .Callback<ReceiptMailRequest, CancellationToken>((r, _) => receiptMails.Add(r)).Returns(Task.CompletedTask);
        return new PayDuesByTransfer(members, receipts.Object, MemberMailQueue().Object, donations, new HandlePaymentEvent(donations, receipts.Object), clock);
    }

    [Fact]
    public void A_member_paying_by_transfer_has_one_code_for_every_year_and_is_findable_by_it()
    {
        var member = PendingTransferMember();
        var again = Member.FromSnapshot(member.ToSnapshot());

        Assert.NotNull(member.DuesTransferCode);
        Assert.Equal(member.DuesTransferCode, again.DuesTransferCode);
        Assert.NotEqual(member.DuesTransferCode, PendingTransferMember("mem_bbbbbbbbbbbbbbbbbbbb").DuesTransferCode);
        Assert.Contains(new PaymentReference(PaymentReferenceKind.TransferCode, member.DuesTransferCode!.Characters), member.References);
        Assert.Null(MemberFixtures.NewMember().DuesTransferCode);
        Assert.True(member.AwaitsFirstTransfer);
    }

    [Fact]
    public async Task Signing_up_by_transfer_opens_no_checkout_stores_the_member_pending_and_asks_for_the_instructions_mail()
    {
        var gateway = new Mock<IPaymentGateway>(MockBehavior.Strict);
        var ids = new Mock<IIdGenerator>();
        ids.Setup(g => g.NewId("mem")).Returns(MemberFixtures.MemberId);
        var form = MemberFixtures.ValidForm() with { PaymentMethod = "bank_transfer" };
        var useCase = new CreateMember(members, gateway.Object, new InMemoryIdempotencyStore(), new InMemorySignUpLock(), ids.Object,
            MembershipRules.Default, clock, MemberMailQueue().Object, Transfers);

        var created = Assert.IsType<TransferMemberCreated>(await useCase.ExecuteAsync(form, "key-1", default));
        var repeated = Assert.IsType<TransferMemberCreated>(await useCase.ExecuteAsync(form, "key-1", default));

        Assert.Equal(created, repeated);
        var stored = members.Stored(created.MemberId);
        Assert.Equal((MembershipStatus.Pending, stored.DuesTransferCode), (stored.Status, created.Code));
        Assert.Equal(created.MemberId, members.Index[new PaymentReference(PaymentReferenceKind.TransferCode, created.Code.Characters)]);
        Assert.All(memberMails, m => Assert.Equal(new MemberMailRequest(MemberMailKind.TransferInstructions, created.MemberId), m));
        gateway.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Signing_up_by_transfer_when_no_account_is_set_is_refused_on_paymentMethod()
    {
        var useCase = new CreateMember(members, Mock.Of<IPaymentGateway>(), new InMemoryIdempotencyStore(), new InMemorySignUpLock(),
            new RandomIdGenerator(), MembershipRules.Default, clock, MemberMailQueue().Object);

        var invalid = Assert.IsType<MemberInvalid>(await useCase.ExecuteAsync(MemberFixtures.ValidForm() with { PaymentMethod = "bank_transfer" }, null, default));

        Assert.Contains("paymentMethod", invalid.Errors.Keys);
        Assert.Empty(members.Index);
    }

    [Fact]
    public void The_first_year_s_transfer_activates_the_membership_through_the_same_events_as_a_paid_checkout()
    {
        var member = PendingTransferMember();

        var result = member.ReceiveDuesTransfer(Credit(6000), MemberFixtures.T0.AddDays(2));

        Assert.Equal((DuesTransferOutcome.Settled, 0L), (result.Outcome, result.ExtraCents));
        Assert.Equal(MembershipStatus.Active, member.Status);
        Assert.Equal(new DateOnly(2026, 3, 2), member.MemberSince);
        Assert.IsType<MemberActivated>(Assert.Single(result.RaisedEvents));
        Assert.Equal(DuesTransferOutcome.Duplicate, member.ReceiveDuesTransfer(Credit(6000), MemberFixtures.T0.AddDays(3)).Outcome);
        Assert.Equal(DuesTransferOutcome.NothingOwed, member.ReceiveDuesTransfer(Credit(6000, "bank:e2"), MemberFixtures.T0.AddDays(3)).Outcome);
    }

    [Fact]
    public void Less_than_the_dues_is_left_for_staff_unless_staff_assigned_it()
    {
        var member = PendingTransferMember();

        var partial = member.ReceiveDuesTransfer(Credit(4000), MemberFixtures.T0.AddDays(2));
        Assert.Equal((DuesTransferOutcome.TooLow, 6000L), (partial.Outcome, partial.DuesCents));
        Assert.Equal(MembershipStatus.Pending, member.Status);

        var assigned = member.ReceiveDuesTransfer(Credit(4000, staff: true), MemberFixtures.T0.AddDays(2));
        Assert.Equal(DuesTransferOutcome.Settled, assigned.Outcome);
        Assert.Equal(4000, member.FirstPayment!.AmountCents);
    }

    [Fact]
    public async Task More_than_the_dues_pays_them_and_the_extra_becomes_a_paid_donation_of_the_member_with_its_receipt()
    {
        members.Put(PendingTransferMember());

        var result = await Pay().ExecuteAsync(MemberFixtures.MemberId, Credit(8500), default);

        Assert.Equal((DuesTransferOutcome.Settled, 6000L, 2500L), (result!.Outcome, result.DuesCents, result.ExtraCents));
        var member = members.Stored(MemberFixtures.MemberId);
        Assert.Equal(6000, member.FirstPayment!.AmountCents);
        var extra = (await donations.GetAsync(result.ExtraDonationId!, default))!.Donation;
        Assert.Equal((DonationStatus.Paid, 2500L, member.Email, PaymentMethodKind.BankTransfer), (extra.Status, extra.AmountCents, extra.Donor.Email, extra.PaymentMethod));
        Assert.Equal(PayDuesByTransfer.ExtraDonationId("bank:e1"), extra.Id);
        Assert.Contains(receiptMails, r => r.SubjectKind == ReceiptSubjectKind.Membership && r.SubjectId == member.Id);
        Assert.Contains(receiptMails, r => r.SubjectKind == ReceiptSubjectKind.Donation && r.SubjectId == extra.Id && r.Purpose == ReceiptMailPurpose.Paid);
        Assert.Contains(new MemberMailRequest(MemberMailKind.Welcome, member.Id), memberMails);

        receiptMails.Clear();
        Assert.Equal(DuesTransferOutcome.Duplicate, (await Pay().ExecuteAsync(MemberFixtures.MemberId, Credit(8500), default))!.Outcome);
        Assert.Empty(receiptMails);
    }

    [Fact]
    public async Task The_dues_run_asks_a_member_paying_by_transfer_by_mail_charges_nothing_and_a_transfer_settles_the_open_period()
    {
        var member = PendingTransferMember();
        member.ReceiveDuesTransfer(Credit(6000, on: new DateOnly(2026, 3, 1)), MemberFixtures.T0);
        members.Put(member);
        var period = new DateOnly(2027, 3, 1);

        clock.SetUtcNow(new DateTimeOffset(2027, 2, 15, 5, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, (await Run().ExecuteAsync(default)).PreNotified);
        Assert.Equal(MemberMailRequest.ForPeriod(MemberMailKind.DuesTransferRequest, member.Id, period), Assert.Single(memberMails));

        clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 5, 0, 0, TimeSpan.Zero));
        await Run().ExecuteAsync(default);
        Assert.Empty(charges);
        var stored = members.Stored(member.Id);
        Assert.Equal(MembershipStatus.Overdue, stored.Status);
        Assert.Equal((DuesEntryStatus.Failed, "awaiting_bank_transfer"), (stored.DuesEntryFor(period)!.Status, stored.DuesEntryFor(period)!.FailureCode));
        Assert.Single(memberMails);

        clock.SetUtcNow(new DateTimeOffset(2027, 3, 16, 5, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, (await Run().ExecuteAsync(default)).Reminded);

        var paid = await Pay().ExecuteAsync(member.Id, Credit(6000, "bank:e2", on: new DateOnly(2027, 3, 16)), default);
        Assert.Equal(DuesTransferOutcome.Settled, paid!.Outcome);
        stored = members.Stored(member.Id);
        Assert.Equal((MembershipStatus.Active, new DateOnly(2028, 3, 1)), (stored.Status, stored.NextDuesDate));
        Assert.Equal(PaymentMethodKind.BankTransfer, stored.DuesEntryFor(period)!.PaidWith);
        Assert.Contains(receiptMails, r => r.PaymentId == stored.DuesPaymentId(period));
    }

    [Fact]
    public void A_transfer_after_the_payment_request_but_before_the_due_day_pays_the_coming_year()
    {
        var member = PendingTransferMember();
        member.ReceiveDuesTransfer(Credit(6000, on: new DateOnly(2026, 3, 1)), MemberFixtures.T0);
        member.RecordPreNotification(new DateOnly(2027, 2, 15));

        var result = member.ReceiveDuesTransfer(Credit(6000, "bank:e2", on: new DateOnly(2027, 2, 20)), new DateTimeOffset(2027, 2, 21, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(DuesTransferOutcome.Settled, result.Outcome);
        Assert.Equal((MembershipStatus.Active, new DateOnly(2028, 3, 1)), (member.Status, member.NextDuesDate));
        Assert.IsType<DuesPaid>(Assert.Single(result.RaisedEvents));
    }

    [Fact]
    public void Every_dues_mail_to_a_member_paying_by_transfer_names_the_account_and_the_code()
    {
        var member = PendingTransferMember();
        member.ReceiveDuesTransfer(Credit(6000, on: new DateOnly(2026, 3, 1)), MemberFixtures.T0);
        var code = member.DuesTransferCode!.Value;
        var organisation = DuesMailFixtures.Organisation;
        var composer = new DuesMailComposer(organisation, DuesPolicy.Default, new SepaCreditor(DuesMailFixtures.CreditorId), Transfers);
        var transferMails = new DuesTransferMailComposer(organisation);
        var link = new Uri("https://api.kok.example/x");
        var period = new DuesPeriod(new DateOnly(2027, 3, 1), new DateOnly(2028, 2, 29));

        MailMessage[] all =
        [
            transferMails.Instructions(member, Transfers.Account!, link),
            transferMails.DuesRequest(member, period, period.Start, Transfers.Account!, link),
            composer.Reminder(member, period, 1, link, link),
            composer.Lapsed(member, link, link),
        ];

        Assert.All(all, mail =>
        {
            Assert.Contains(code, mail.Text, StringComparison.Ordinal);
            Assert.Contains("DE02 1203 0000 0000 2020 51", mail.Text, StringComparison.Ordinal);
        });
    }

    private RunDuesSchedule Run()
    {
        var chargeQueue = new Mock<IDuesChargeQueue>();
        chargeQueue.Setup(q => q.EnqueueAsync(It.IsAny<DuesChargeMessage>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .Callback<DuesChargeMessage, TimeSpan?, CancellationToken>((m, _, _) => charges.Add(m)).Returns(Task.CompletedTask);
        return new RunDuesSchedule(members, MemberMailQueue().Object, chargeQueue.Object, DuesPolicy.Default, clock);
    }
}
