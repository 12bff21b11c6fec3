using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Dues;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;
using Kok.Domain.Tests.Membership;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Dues.DuesMailFixtures;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Dashboard;

/// <summary>
/// What the dashboard shows staff comes with what the page needs to word it: the first year in the dues history,
/// audit details as named facts with the API's names, validation errors with codes and amounts in euros.
/// </summary>
public sealed class StaffWordingTests
{
    private readonly FakeTimeProvider time = new(ChargedAt.AddDays(20));
    private readonly InMemoryMemberRepository members = new();
    private readonly Mock<IAuditTrail> audit = new();
    private readonly List<AuditEntry> recorded = [];

    public StaffWordingTests()
    {
        audit.Setup(a => a.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<AuditEntry, CancellationToken>((e, _) => recorded.Add(e))
            .Returns(Task.CompletedTask);
        audit.Setup(a => a.TryRecordAsLatestAsync(It.IsAny<AuditEntry>(), It.IsAny<LatestAuditEntry?>(), It.IsAny<CancellationToken>()))
            .Callback<AuditEntry, LatestAuditEntry?, CancellationToken>((e, _, _) => recorded.Add(e))
            .ReturnsAsync(true);
        audit.Setup(a => a.ListAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
    }

    [Fact]
    public async Task The_dues_history_lists_the_first_year_paid_at_sign_up_before_the_later_years()
    {
        members.Put(Overdue(PaymentMethodKind.Card));

        var detail = await Detail(MemberId);

        Assert.NotNull(detail);
        var first = detail.FirstYear;
        Assert.NotNull(first);
        Assert.Equal((FirstPeriod, new DateOnly(2027, 2, 28)), (first.PeriodStart, first.PeriodEnd));
        Assert.Equal((6000L, Kok.Domain.Donations.PaymentStatus.Paid, PaymentMethodKind.Card, 0L), (first.AmountCents, first.Status, first.Method, first.RefundedCents));
        Assert.Equal(detail.Payments.Single(p => p.PeriodStart is null).Id, first.PaymentId);
        Assert.Equal(T0, first.PaidAt);
        // The later years stay dues entries: the 2027 charge that failed.
        Assert.Equal(DueDate, Assert.Single(detail.DuesHistory).PeriodStart);
    }

    [Fact]
    public async Task A_sign_up_not_yet_paid_has_no_first_year()
    {
        members.Put(NewMember());

        var detail = await Detail(MemberId);

        Assert.NotNull(detail);
        Assert.Null(detail.FirstYear);
        Assert.Empty(detail.DuesHistory);
    }

    [Fact]
    public async Task Audit_details_name_statuses_and_mail_kinds_as_the_API_does_and_older_entries_read_the_same()
    {
        members.Put(Overdue());
        var ids = new Mock<IIdGenerator>();
        ids.Setup(i => i.NewId("aud")).Returns("aud_1");

        await new RemindMember(members, Mock.Of<IMemberMailQueue>(), audit.Object, ids.Object, time).ExecuteAsync(MemberId, "oid", "Office", default);

        var entry = Assert.Single(recorded);
        Assert.Equal("period=2027-03-01; status=overdue; mail=dues_staff_reminder", entry.Details);
        var legacy = entry with { Details = "period=2027-03-01; status=Overdue; mail=DuesStaffReminder" };
        Assert.Equal(entry.Facts, legacy.Facts);
        Assert.Equal(
            [new("period", "2027-03-01"), new("status", "overdue"), new("mail", "dues_staff_reminder")],
            entry.Facts);
        Assert.Equal("entities=12; drifted counters=0", AuditFacts.Format((AuditFacts.Entities, 12), (AuditFacts.DriftedCounters, 0)));
        Assert.Equal("outcome=will_end; status=cancelling", AuditFacts.Format(
            (AuditFacts.Outcome, MemberCancellation.WillEnd), (AuditFacts.Status, MembershipStatus.Cancelling), (AuditFacts.EndsOn, null)));
        Assert.Empty(AuditFacts.Parse(null));
    }

    [Fact]
    public async Task A_bank_transfer_below_the_dues_names_the_dues_in_euros_and_with_a_code()
    {
        members.Put(Overdue());
        var transfer = new RecordDuesBankTransfer(members, Mock.Of<IReceiptMailQueue>(), Mock.Of<IMemberMailQueue>(), audit.Object, Mock.Of<IIdGenerator>(), time);

        var tooLittle = await transfer.ExecuteAsync(MemberId, new BankTransferForm(100m, "2027-03-18", "x"), "oid", "Office", default);
        var invalid = await transfer.ExecuteAsync(MemberId, new BankTransferForm(6000.5m, "2099-01-01", ""), "oid", "Office", default);

        var message = Assert.Single(tooLittle.Errors![BankTransferFormValidator.AmountField]);
        Assert.Contains("60,00 €", message, StringComparison.Ordinal);
        Assert.Contains("€60.00", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Cent", message, StringComparison.OrdinalIgnoreCase);
        var code = Assert.Single(tooLittle.ErrorCodes![BankTransferFormValidator.AmountField]);
        Assert.Equal(StaffErrorCodes.BelowDues, code.Code);
        Assert.Equal(6000, code.Arguments["minimumCents"]);

        Assert.Equal(
            [
                new KeyValuePair<string, string>(BankTransferFormValidator.AmountField, BankTransferFormValidator.AmountCode),
                new(BankTransferFormValidator.PaidOnField, BankTransferFormValidator.FutureDateCode),
                new(BankTransferFormValidator.ReferenceField, BankTransferFormValidator.ReferenceLengthCode),
            ],
            invalid.ErrorCodes!.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new KeyValuePair<string, string>(e.Key, Assert.Single(e.Value).Code)));
        Assert.Equal(140, invalid.ErrorCodes![BankTransferFormValidator.ReferenceField][0].Arguments["max"]);
        Assert.Equal(invalid.Errors!.Keys.Order(StringComparer.Ordinal), invalid.ErrorCodes.Keys.Order(StringComparer.Ordinal));
    }

    private Task<MemberDetail?> Detail(string memberId)
    {
        var activity = new Mock<IMemberActivity>();
        activity.Setup(a => a.ListMailsAsync(memberId, It.IsAny<CancellationToken>())).ReturnsAsync(Array.Empty<MailLogEntry>());
        return new GetMemberDetail(members, activity.Object, Mock.Of<IReceiptRegister>(), audit.Object, time).ExecuteAsync(memberId, default);
    }
}
