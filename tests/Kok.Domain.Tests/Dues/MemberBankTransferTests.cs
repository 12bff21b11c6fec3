using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using static Kok.Domain.Tests.Dues.DuesMailFixtures;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Dues;

/// <summary>Dues staff record as a bank transfer settle the payable period like any other dues payment.</summary>
public sealed class MemberBankTransferTests
{
    private static readonly DateTimeOffset Later = ChargedAt.AddDays(20);

    [Fact]
    public void A_transfer_settles_the_overdue_period_makes_the_member_active_and_raises_the_paid_event_once()
    {
        var member = Overdue(PaymentMethodKind.Card);
        Assert.Equal(MembershipStatus.Overdue, member.Status);
        var transfer = new BankTransfer(6000, new DateOnly(2027, 3, 18), "Mitgliedsbeitrag 2027");

        var result = member.RecordBankTransfer(transfer, Later);

        Assert.Equal(BankTransferOutcome.Recorded, result.Outcome);
        Assert.Equal(Period, result.Period);
        Assert.Equal(member.DuesPaymentId(DueDate), result.PaymentId);
        Assert.Equal(new DuesPaid(MemberId, result.PaymentId!, DueDate, 6000), Assert.Single(result.RaisedEvents));
        Assert.Equal(MembershipStatus.Active, member.Status);
        Assert.Equal(new DateOnly(2028, 2, 29), member.PaidThrough);
        Assert.Equal(new DateOnly(2028, 3, 1), member.NextDuesDate);
        Assert.Equal(DuesCycle.Fresh, member.Dues);

        var entry = member.DuesEntryFor(DueDate)!;
        Assert.Equal(DuesEntryStatus.Paid, entry.Status);
        Assert.Equal(PaymentMethodKind.BankTransfer, entry.PaidWith);
        Assert.Equal("Mitgliedsbeitrag 2027", entry.TransferReference);
        Assert.Null(entry.PaymentIntentId);
        var payment = member.Payments.Single(p => p.Id == result.PaymentId);
        Assert.Equal(PaymentStatus.Paid, payment.Status);
        Assert.Equal(new DateOnly(2027, 3, 18), AssociationCalendar.Date(payment.PaidAt!.Value));

        // The same transfer submitted again: already paid, nothing raised, still one payment for the period.
        var again = member.RecordBankTransfer(transfer, Later.AddMinutes(1));
        Assert.Equal(BankTransferOutcome.AlreadyPaid, again.Outcome);
        Assert.Empty(again.RaisedEvents);
        Assert.Single(member.Payments, p => p.Id == result.PaymentId);

        // It survives the snapshot.
        var reloaded = Member.FromSnapshot(member.ToSnapshot());
        Assert.Equal(PaymentMethodKind.BankTransfer, reloaded.DuesEntryFor(DueDate)!.PaidWith);
        Assert.Equal(BankTransferOutcome.AlreadyPaid, reloaded.RecordBankTransfer(transfer, Later).Outcome);
    }

    [Fact]
    public void A_transfer_revives_a_lapsed_member_for_the_year_that_contains_today()
    {
        var member = Lapsed();
        var today = new DateOnly(2028, 4, 10);
        var now = new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

        var result = member.RecordBankTransfer(new BankTransfer(7000, today, "Beitrag"), now);

        Assert.Equal(BankTransferOutcome.Recorded, result.Outcome);
        Assert.Equal(new DateOnly(2028, 3, 1), result.Period!.Value.Start);
        Assert.Equal(MembershipStatus.Active, member.Status);
        Assert.Equal(new DateOnly(2029, 3, 1), member.NextDuesDate);
        Assert.Equal(7000, Assert.IsType<DuesPaid>(Assert.Single(result.RaisedEvents)).AmountCents);
        Assert.True(member.Payments.Single(p => p.Id == result.PaymentId).PaidAt <= now);
    }

    [Fact]
    public void Nothing_payable_in_progress_and_too_little_change_nothing()
    {
        var active = ActiveMember();
        Assert.Equal(BankTransferOutcome.NothingPayable,
            active.RecordBankTransfer(new BankTransfer(6000, new DateOnly(2026, 4, 1), "x"), T0.AddDays(40)).Outcome);

        var overdue = Overdue();
        var before = overdue.ToSnapshot();
        var tooLittle = overdue.RecordBankTransfer(new BankTransfer(5999, new DateOnly(2027, 3, 18), "x"), Later);
        Assert.Equal(BankTransferOutcome.AmountTooLow, tooLittle.Outcome);
        Assert.Equal(6000, tooLittle.DuesCents);
        Assert.Equal(MembershipStatus.Overdue, overdue.Status);
        Assert.Equivalent(before, overdue.ToSnapshot());

        var charging = PreNotified(PaymentMethodKind.SepaDebit);
        charging.RequestDuesCharge(DueDate);
        charging.RecordDuesCharge(DueDate, new DuesChargeResult(DuesChargeStatus.Failed, "pi_1", "declined"), ChargedAt);
        var metadata = new Dictionary<string, string> { ["memberId"] = MemberId, ["duesPeriod"] = "2027-03-01" };
        charging.Apply(new CheckoutCompleted("evt_link", ChargedAt.AddDays(2), metadata, "cs_link", MemberId,
            Paid: false, SubscriptionMode: false, "pi_link", null, CustomerId, 6000));
        Assert.Equal(DuesEntryStatus.Processing, charging.DuesEntryFor(DueDate)!.Status);
        Assert.Equal(BankTransferOutcome.PaymentInProgress,
            charging.RecordBankTransfer(new BankTransfer(6000, new DateOnly(2027, 3, 18), "x"), Later).Outcome);
    }

    [Theory]
    [InlineData(null, "2027-03-18", "Beitrag", "amountCents")]
    [InlineData("0", "2027-03-18", "Beitrag", "amountCents")]
    [InlineData("60.5", "2027-03-18", "Beitrag", "amountCents")]
    [InlineData("6000", "2027-03-22", "Beitrag", "paidOn")]
    [InlineData("6000", "18.03.2027", "Beitrag", "paidOn")]
    [InlineData("6000", null, "Beitrag", "paidOn")]
    [InlineData("6000", "2027-03-18", "  ", "reference")]
    [InlineData("6000", "2027-03-18", null, "reference")]
    public void The_form_names_each_bad_field(string? amount, string? paidOn, string? reference, string field)
    {
        var form = new BankTransferForm(amount is null ? null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), paidOn, reference);

        var validated = BankTransferFormValidator.Validate(form, new DateOnly(2027, 3, 21));

        Assert.False(validated.IsValid);
        Assert.Equal([field], validated.Errors.Keys);
    }

    [Fact]
    public void The_form_takes_a_reference_of_up_to_140_characters_and_today()
    {
        var today = new DateOnly(2027, 3, 21);
        var ok = BankTransferFormValidator.Validate(new BankTransferForm(6000m, "2027-03-21", " " + new string('x', 140) + " "), today);
        Assert.True(ok.IsValid);
        Assert.Equal(new BankTransfer(6000, today, new string('x', 140)), ok.Value);

        var tooLong = BankTransferFormValidator.Validate(new BankTransferForm(6000m, "2027-03-21", new string('x', 141)), today);
        Assert.Equal(["reference"], tooLong.Errors.Keys);
        var all = BankTransferFormValidator.Validate(new BankTransferForm(-1m, "morgen", ""), today);
        Assert.Equal(["amountCents", "paidOn", "reference"], all.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
