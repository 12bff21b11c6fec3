using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Dues;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;
using Kok.Domain.Tests.Mail;
using Kok.Domain.Tests.Membership;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Dues.DuesMailFixtures;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Dashboard;

/// <summary>The dashboard's staff actions: each does its one thing and leaves an audit entry naming the staff member.</summary>
public sealed class StaffActionTests
{
    private const string StaffId = "oid-1";
    private const string StaffName = "Office Berlin";

    private readonly FakeTimeProvider time = new(ChargedAt.AddDays(20));
    private readonly InMemoryMemberRepository members = new();
    private readonly Mock<IMemberMailQueue> memberMails = new();
    private readonly Mock<IReceiptMailQueue> receiptMails = new();
    private readonly Mock<IAuditTrail> audit = new();
    private readonly InMemoryAuditTrail reminders = new();
    private readonly Mock<IIdGenerator> ids = new();
    private readonly List<AuditEntry> recorded = [];
    private int nextId;

    public StaffActionTests()
    {
        ids.Setup(i => i.NewId("aud")).Returns(() => $"aud_{++nextId}");
        audit.Setup(a => a.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<AuditEntry, CancellationToken>((e, _) => recorded.Add(e))
            .Returns(Task.CompletedTask);
    }

    // Reminders keep their last one beside the audit trail, written with a compare-and-set: an in-memory trail plays it.
    private RemindMember Remind => new(members, memberMails.Object, reminders, ids.Object, time);

    private RecordDuesBankTransfer BankTransfer => new(members, receiptMails.Object, memberMails.Object, audit.Object, ids.Object, time);

    [Fact]
    public async Task Remind_queues_one_staff_reminder_named_after_its_audit_entry_even_after_the_scheduled_reminders()
    {
        members.Put(Reminded(2));

        var first = await Remind.ExecuteAsync(MemberId, StaffId, StaffName, default);
        time.Advance(RemindMember.MinimumGap);
        var second = await Remind.ExecuteAsync(MemberId, StaffId, StaffName, default);

        Assert.Equal(StaffActionOutcome.Done, first.Outcome);
        Assert.Equal(MemberMailKind.DuesStaffReminder, first.MailKind);
        var one = MemberMailRequest.StaffReminder(MemberId, DueDate, "aud_1");
        var two = MemberMailRequest.StaffReminder(MemberId, DueDate, "aud_2");
        memberMails.Verify(q => q.EnqueueAsync(one, It.IsAny<CancellationToken>()), Times.Once);
        memberMails.Verify(q => q.EnqueueAsync(two, It.IsAny<CancellationToken>()), Times.Once);
        Assert.True(one.IsWellFormed);
        Assert.Equal($"{MemberId}:2027-03-01:aud_1", one.MailSubjectId);
        Assert.NotEqual(one.MailSubjectId, two.MailSubjectId);

        var entry = reminders.Entries[0];
        Assert.Equal(new AuditEntry("aud_1", MemberId, RemindMember.AuditAction, StaffId, StaffName, time.GetUtcNow() - RemindMember.MinimumGap, entry.Details), entry);
        Assert.Contains("period=2027-03-01", entry.Details, StringComparison.Ordinal);
        Assert.Equal(0, members.Saves);
    }

    [Fact]
    public async Task Remind_refuses_a_member_with_nothing_outstanding_and_an_unknown_one()
    {
        members.Put(ActiveMember());

        Assert.Equal(StaffActionOutcome.Conflict, (await Remind.ExecuteAsync(MemberId, StaffId, StaffName, default)).Outcome);
        Assert.Equal(StaffActionOutcome.NotFound, (await Remind.ExecuteAsync("mem_zzzzzzzzzzzzzzzzzzzz", StaffId, StaffName, default)).Outcome);
        Assert.Equal(StaffActionOutcome.NotFound, (await Remind.ExecuteAsync("not-an-id", StaffId, StaffName, default)).Outcome);
        memberMails.VerifyNoOtherCalls();
        Assert.Empty(recorded);
    }

    [Fact]
    public async Task A_redelivered_staff_reminder_is_sent_once_and_a_lapsed_member_gets_the_lapse_mail()
    {
        var log = new InMemoryMailLog();
        var sent = new List<MailMessage>();
        var sender = new Mock<IMailSender>();
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<MailMessage, CancellationToken>((m, _) => sent.Add(m))
            .ReturnsAsync(() => new MailSent("msg-" + sent.Count));
        var links = Links();
        var send = new SendMemberMail(
            new ComposeMemberMail(members, new MemberMailComposer(Organisation), links, time),
            new ComposeDuesMail(members, Composer(), links, time),
            new MailDispatcher(log, sender.Object, time));
        members.Put(Reminded(2));
        var request = MemberMailRequest.StaffReminder(MemberId, DueDate, "aud_1");

        Assert.Equal(MailDispatchOutcome.Sent, (await send.ExecuteAsync(request, default)).Outcome);
        Assert.NotEqual(MailDispatchOutcome.Sent, (await send.ExecuteAsync(request, default)).Outcome);
        Assert.Single(sent);
        Assert.Contains("Erinnerung", sent[0].Subject, StringComparison.Ordinal);
        Assert.NotNull(await log.GetAsync(new MailLogKey(MailKind.DuesStaffReminder, request.MailSubjectId), default));

        var lapsed = Lapsed();
        members.Put(lapsed);
        time.SetUtcNow(LapsedAt.AddDays(3));
        var lapsedRequest = MemberMailRequest.StaffReminder(MemberId, lapsed.PayableDuesPeriod(new DateOnly(2027, 6, 2))!.Value.Start, "aud_2");
        Assert.Equal(MailDispatchOutcome.Sent, (await send.ExecuteAsync(lapsedRequest, default)).Outcome);
        Assert.Contains("erloschen", sent[1].Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bank_transfer_pays_saves_asks_for_the_receipt_and_records_the_staff_member_once()
    {
        members.Put(Overdue(PaymentMethodKind.Card));
        var form = new BankTransferForm(6000m, "2027-03-18", "Beitrag Erika Mustermann");

        var result = await BankTransfer.ExecuteAsync(MemberId, form, StaffId, StaffName, default);
        var again = await BankTransfer.ExecuteAsync(MemberId, form, StaffId, StaffName, default);

        Assert.Equal(StaffActionOutcome.Done, result.Outcome);
        Assert.Equal(MembershipStatus.Active, result.Status);
        Assert.Equal(DueDate, result.PeriodStart);
        var stored = members.Stored(MemberId);
        Assert.Equal(MembershipStatus.Active, stored.Status);
        Assert.Equal(stored.DuesPaymentId(DueDate), result.PaymentId);
        receiptMails.Verify(q => q.EnqueueAsync(
            new ReceiptMailRequest(ReceiptSubjectKind.Membership, MemberId, result.PaymentId!, ReceiptMailPurpose.Paid), It.IsAny<CancellationToken>()), Times.Once);

        Assert.Equal(StaffActionOutcome.Conflict, again.Outcome);
        Assert.Equal(BankTransferOutcome.AlreadyPaid, again.Reason);
        receiptMails.VerifyNoOtherCalls();
        var entry = Assert.Single(recorded);
        Assert.Equal((MemberId, RecordDuesBankTransfer.AuditAction, StaffId, StaffName), (entry.Subject, entry.Action, entry.StaffId, entry.StaffName));
        Assert.Contains("amountCents=6000", entry.Details, StringComparison.Ordinal);
        Assert.Contains(result.PaymentId!, entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("Mustermann", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_bank_transfer_writes_nothing()
    {
        members.Put(Overdue());
        var saves = members.Saves;

        var invalid = await BankTransfer.ExecuteAsync(MemberId, new BankTransferForm(6000.5m, "2099-01-01", ""), StaffId, StaffName, default);
        var tooLittle = await BankTransfer.ExecuteAsync(MemberId, new BankTransferForm(100m, "2027-03-18", "x"), StaffId, StaffName, default);
        var unknown = await BankTransfer.ExecuteAsync("mem_zzzzzzzzzzzzzzzzzzzz", new BankTransferForm(6000m, "2027-03-18", "x"), StaffId, StaffName, default);

        Assert.Equal(StaffActionOutcome.Invalid, invalid.Outcome);
        Assert.Equal(["amountCents", "paidOn", "reference"], invalid.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(StaffActionOutcome.Invalid, tooLittle.Outcome);
        Assert.Equal(["amountCents"], tooLittle.Errors!.Keys);
        Assert.Equal(StaffActionOutcome.NotFound, unknown.Outcome);
        Assert.Equal(saves, members.Saves);
        Assert.Equal(MembershipStatus.Overdue, members.Stored(MemberId).Status);
        receiptMails.VerifyNoOtherCalls();
        Assert.Empty(recorded);
    }

    [Fact]
    public async Task Staff_cancel_goes_through_the_cancellation_use_case_and_is_recorded()
    {
        members.Put(ActiveMember());
        var clock = new FakeTimeProvider(T0.AddDays(30));
        var cancel = new CancelMemberByStaff(new CancelMembership(members, memberMails.Object, Links(), clock), audit.Object, ids.Object, clock);

        var result = await cancel.ExecuteAsync(MemberId, StaffId, StaffName, default);

        Assert.Equal(StaffActionOutcome.Done, result.Outcome);
        Assert.Equal(MembershipStatus.Cancelling, result.Status);
        Assert.Equal(new DateOnly(2027, 3, 1), result.EndsOn);
        Assert.Equal("staff:" + StaffId, members.Stored(MemberId).CancelledBy);
        Assert.Contains(new ScheduledEnding(MemberId, new DateOnly(2027, 3, 1)), members.Endings);
        memberMails.Verify(q => q.EnqueueAsync(new MemberMailRequest(MemberMailKind.CancellationConfirmed, MemberId), It.IsAny<CancellationToken>()), Times.Once);
        var entry = Assert.Single(recorded);
        Assert.Equal((MemberId, CancelMemberByStaff.AuditAction, StaffName), (entry.Subject, entry.Action, entry.StaffName));
        Assert.Equal(StaffActionOutcome.NotFound, (await cancel.ExecuteAsync("mem_zzzzzzzzzzzzzzzzzzzz", StaffId, StaffName, default)).Outcome);
    }

    [Fact]
    public async Task Requeue_moves_a_known_queue_back_and_records_it_globally_and_refuses_unknown_queues()
    {
        var queues = new Mock<IPoisonQueues>();
        queues.SetupGet(q => q.WorkQueues).Returns(["receipt-mail", "member-mail"]);
        queues.Setup(q => q.RequeueAsync("member-mail", It.IsAny<CancellationToken>())).ReturnsAsync(3);
        var requeue = new RequeuePoisonMessages(queues.Object, audit.Object, ids.Object, time);

        var done = await requeue.ExecuteAsync("member-mail", StaffId, StaffName, default);
        var unknown = await requeue.ExecuteAsync("secrets", StaffId, StaffName, default);

        Assert.Equal(new PoisonRequeueResult(StaffActionOutcome.Done, "member-mail", 3), done);
        Assert.Equal(StaffActionOutcome.NotFound, unknown.Outcome);
        queues.Verify(q => q.RequeueAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        var entry = Assert.Single(recorded);
        Assert.Equal((AuditEntry.Global, RequeuePoisonMessages.AuditAction, StaffId), (entry.Subject, entry.Action, entry.StaffId));
        Assert.Equal("queue=member-mail; requeued=3", entry.Details);
    }

    [Fact]
    public async Task The_detail_joins_member_payments_mails_receipts_and_audit()
    {
        var member = Overdue(PaymentMethodKind.Card);
        member.RecordBankTransfer(new BankTransfer(6000, new DateOnly(2027, 3, 18), "Beitrag"), time.GetUtcNow());
        members.Put(member);
        var paymentId = member.DuesPaymentId(DueDate);
        var activity = new Mock<IMemberActivity>();
        var mail = MailLogEntry.Begin(new MailLogKey(MailKind.MembershipFeeReceipt, $"membership:{MemberId}:{paymentId}"), time.GetUtcNow(), TimeSpan.FromMinutes(1))
            .MarkSent("msg-1", "2027-000001", time.GetUtcNow());
        activity.Setup(a => a.ListMailsAsync(MemberId, It.IsAny<CancellationToken>())).ReturnsAsync([mail]);
        var register = new Mock<IReceiptRegister>();
        var document = new ReceiptDocument("2027-000001", ReceiptKind.MembershipFee, "Erika Mustermann", ["Heidestraße 17", "51147 Köln"], 6000,
            new DateOnly(2027, 3, 18), new DateOnly(2027, 3, 21));
        register.Setup(r => r.GetByPaymentAsync(ReceiptPaymentKey.For(ReceiptSubjectKind.Membership, MemberId, paymentId), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new IssuedReceipt(ReceiptPaymentKey.For(ReceiptSubjectKind.Membership, MemberId, paymentId), document));
        var trail = new AuditEntry("aud_9", MemberId, RecordDuesBankTransfer.AuditAction, StaffId, StaffName, time.GetUtcNow());
        audit.Setup(a => a.ListAsync(MemberId, GetMemberDetail.MaxAuditEntries, It.IsAny<CancellationToken>())).ReturnsAsync([trail]);

        var detail = await new GetMemberDetail(members, activity.Object, register.Object, audit.Object, time).ExecuteAsync(MemberId, default);

        Assert.NotNull(detail);
        Assert.Equal(MembershipStatus.Active, detail.Member.Status);
        Assert.Equal(0, detail.OutstandingCents);
        Assert.Equal(new DateOnly(2028, 3, 1), detail.DueDate);
        var transfer = detail.Payments.Single(p => p.Id == paymentId);
        Assert.Equal((PaymentMethodKind.BankTransfer, "Beitrag", DueDate), (transfer.Method, transfer.Reference, transfer.PeriodStart));
        Assert.Equal(PaymentMethodKind.Card, detail.Payments.Single(p => p.PeriodStart is null).Method);
        Assert.Equal(MailKind.MembershipFeeReceipt, Assert.Single(detail.Mails).Kind);
        Assert.Equal(new MemberReceiptLine("2027-000001", new DateOnly(2027, 3, 21), 6000, paymentId, null), Assert.Single(detail.Receipts));
        Assert.Equal(trail, Assert.Single(detail.Audit));
        Assert.Equal(DuesEntryStatus.Paid, detail.DuesHistory.Single().Status);
        Assert.Null(await new GetMemberDetail(members, activity.Object, register.Object, audit.Object, time).ExecuteAsync("nope", default));
    }
}
