using Kok.Domain.Receipts;

namespace Kok.Domain.Tests.Receipts;

/// <summary>The Sammelbestätigung as a document and the request that freezes one.</summary>
public class AnnualReceiptDocumentTests
{
    private static readonly DateOnly IssueDate = new(2026, 1, 15);

    [Fact]
    public void The_total_is_the_sum_of_the_lines_sorted_by_date_with_the_payments_in_the_same_order()
    {
        var request = Request([Payment("pay_b", 2025, 3, 1, 2500), Payment("pay_a", 2025, 1, 1, 1), Payment("pay_c", 2025, 3, 1, 99_999_999, ReceiptKind.MembershipFee)]);

        var document = request.ToDocument("2026-000007");

        Assert.Equal(ReceiptForm.Sammelbestaetigung, document.Form);
        Assert.Equal(1 + 2500 + 99_999_999, document.AmountCents);
        Assert.Equal([new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1)], document.Lines.Select(l => l.PaymentDate));
        Assert.Equal(["pay_a", "pay_b", "pay_c"], request.PaymentKeys.Select(k => k.Value.Split(':')[2]));
        Assert.Equal(ReceiptKind.MembershipFee, document.Lines[2].Kind);
        Assert.All(document.Lines, l => Assert.False(l.IsWaiverOfExpenseReimbursement));
        Assert.Equal("01.01.2025 bis 31.12.2025", document.Period.Text);
        Assert.Equal(IssueDate, document.IssueDate);
        Assert.Same(ReceiptTestData.ConfiguredOrganisation, document.Issuer);
        Assert.Equal("Sammelbestaetigung-2026-000007.pdf", document.FileName);
        Assert.Equal(2026, request.IssueYear);
        Assert.Equal(2025, request.Subject.Year);
    }

    [Fact]
    public void Single_receipt_properties_are_refused_on_a_sammelbestaetigung()
    {
        var document = Request([Payment("pay_a", 2025, 1, 1, 100)]).ToDocument("2026-000007");

        Assert.Throws<InvalidOperationException>(() => document.Kind);
        Assert.Throws<InvalidOperationException>(() => document.PaymentDate);
        Assert.Throws<ArgumentException>(() => new IssuedReceipt(Key("pay_a"), document));
        Assert.Throws<InvalidOperationException>(() => new IssuedReceipt([Key("pay_a")], document, new ReceiptDonorKey("d")).PaymentKey);
    }

    [Fact]
    public void Payments_must_be_distinct_inside_the_period_at_most_ninety_and_paid_before_the_issue_date()
    {
        Assert.Throws<ArgumentException>(() => Request([Payment("pay_a", 2025, 1, 1, 100), Payment("pay_a", 2025, 2, 1, 100)]));
        Assert.Throws<ArgumentException>(() => Request([Payment("pay_a", 2024, 12, 31, 100)]));
        Assert.Throws<ArgumentException>(() => Request([]));
        Assert.Throws<ArgumentException>(() => Request(Enumerable.Range(0, 91).Select(i => Payment($"pay_{i}", 2025, 1, 1, 100)).ToList()));
        Assert.NotNull(Request(Enumerable.Range(0, 90).Select(i => Payment($"pay_{i}", 2025, 1, 1, 100)).ToList()));
        Assert.Throws<ArgumentException>(() => Request([Payment("pay_a", 2025, 6, 1, 100)], issueDate: new DateOnly(2025, 12, 30)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Payment("pay_a", 2025, 6, 1, 0));
    }

    [Fact]
    public void A_period_lies_in_one_calendar_year_and_may_be_part_of_it()
    {
        Assert.Throws<ArgumentException>(() => new ReceiptPeriod(new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 31)));
        Assert.Throws<ArgumentException>(() => new ReceiptPeriod(new DateOnly(2025, 3, 1), new DateOnly(2025, 2, 1)));
        var half = new AnnualReceiptSubject(new ReceiptDonorKey("d"), new ReceiptPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30)));

        var request = new AnnualReceiptIssueRequest(half, Donor, [Payment("pay_a", 2025, 6, 30, 100)], new DateOnly(2025, 7, 1), ReceiptTestData.ConfiguredOrganisation);

        Assert.Equal("01.01.2025 bis 30.06.2025", request.ToDraft().Period.Text);
    }

    [Fact]
    public void A_blocked_issuer_is_refused_before_a_number_with_the_reason_for_the_office()
    {
        var expired = ReceiptTestData.ConfiguredOrganisation with { ExemptionNoticeDate = new DateOnly(2020, 1, 14) };

        var error = Assert.Throws<ReceiptsUnavailableException>(() => Request([Payment("pay_a", 2025, 1, 1, 100)], issuer: expired));

        Assert.Equal(ReceiptBlockReason.ExemptionNoticeTooOld, error.Blocker!.Reason);
        Assert.Contains("14.01.2025", error.Blocker.German, StringComparison.Ordinal);
    }

    [Fact]
    public void Fee_lines_are_refused_where_membership_fees_are_not_deductible()
    {
        var issuer = ReceiptTestData.ConfiguredOrganisation with { MembershipFeesDeductible = false };

        Assert.Throws<ReceiptsUnavailableException>(() => Request([Payment("pay_a", 2025, 1, 1, 100, ReceiptKind.MembershipFee)], issuer: issuer));
        Assert.NotNull(Request([Payment("pay_a", 2025, 1, 1, 100)], issuer: issuer));
    }

    [Fact]
    public void A_draft_has_no_number_and_can_be_neither_issued_nor_withdrawn()
    {
        var draft = Request([Payment("pay_a", 2025, 1, 1, 100)]).ToDraft();

        Assert.True(draft.IsDraft);
        Assert.Equal("[Entwurf – ohne Nummer]", draft.Number);
        Assert.Equal("Sammelbestaetigung-Entwurf.pdf", draft.FileName);
        Assert.Throws<InvalidOperationException>(() => draft.Withdraw(new DateOnly(2026, 2, 1)));
        Assert.Throws<ArgumentException>(() => new IssuedReceipt([Key("pay_a")], draft, new ReceiptDonorKey("d")));
        Assert.Throws<ArgumentException>(() => ReceiptDocument.Issue(ReceiptDocument.DraftNumber, draft.Content));
    }

    [Fact]
    public void A_correction_references_the_withdrawn_receipt_which_points_back()
    {
        var request = Request([Payment("pay_a", 2025, 1, 1, 100)]);
        var original = request.ToDocument("2026-000007");

        var correction = request.ToDocument("2026-000009", replaces: original.Number);
        var withdrawn = original.Withdraw(new ReceiptWithdrawal(new DateOnly(2026, 2, 1), "  Zahlung\nerstattet ")).ReplacedWith(correction.Number);

        Assert.Equal("2026-000007", correction.Replaces);
        Assert.Equal(("2026-000009", "Zahlung erstattet"), (withdrawn.ReplacedBy, withdrawn.Withdrawal!.Reason));
        Assert.Throws<ArgumentException>(() => original.ReplacedWith("2026-000009"));
        Assert.Throws<ArgumentException>(() => request.ToDocument("2026-000009", replaces: "nope"));
    }

    [Fact]
    public void A_withdrawal_needs_a_reason_of_at_most_500_characters_and_never_predates_the_issue()
    {
        Assert.Throws<ArgumentException>(() => new ReceiptWithdrawal(new DateOnly(2026, 1, 1), " "));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReceiptWithdrawal(new DateOnly(2026, 1, 1), new string('x', 501)));
        Assert.Equal(new DateOnly(2026, 1, 15), new ReceiptWithdrawal(new DateOnly(2026, 1, 1), "x").NotBefore(IssueDate).On);
        Assert.Equal(new DateOnly(2026, 2, 1), new ReceiptWithdrawal(new DateOnly(2026, 2, 1), "x").NotBefore(IssueDate).On);
    }

    [Fact]
    public void An_issued_receipt_has_one_distinct_payment_per_line_and_a_donor_key_only_when_annual()
    {
        var document = Request([Payment("pay_a", 2025, 1, 1, 100), Payment("pay_b", 2025, 1, 2, 100)]).ToDocument("2026-000007");

        Assert.Throws<ArgumentException>(() => new IssuedReceipt([Key("pay_a")], document, new ReceiptDonorKey("d")));
        Assert.Throws<ArgumentException>(() => new IssuedReceipt([Key("pay_a"), Key("pay_a")], document, new ReceiptDonorKey("d")));
        Assert.Throws<ArgumentException>(() => new IssuedReceipt([Key("pay_a"), Key("pay_b")], document, null));
        Assert.Throws<ArgumentException>(() => new IssuedReceipt([Key("pay_a")], ReceiptTestData.Receipt(), new ReceiptDonorKey("d")));
        Assert.Throws<ArgumentException>(() => new ReceiptDonorKey("a:b"));
        Assert.Throws<ArgumentException>(() => new ReceiptDonorKey(new string('a', 65)));
    }

    [Fact]
    public void ToString_does_not_reveal_personal_data()
    {
        var request = Request([Payment("pay_a", 2025, 1, 1, 100)]);
        var texts = new object[] { request, request.ToDocument("2026-000007"), request.ToDocument("2026-000007").Content, Donor, new ReceiptWithdrawal(IssueDate, "Herr Weiß rief an") };

        Assert.All(texts, t => Assert.DoesNotContain("Weiß", t.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_receipt_request_freezes_the_issuer_and_refuses_a_blocked_one()
    {
        var request = new ReceiptIssueRequest(Key("pay_a"), ReceiptKind.Donation, "Max", ["Weg 1"], 100, new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 3))
        {
            Issuer = ReceiptTestData.ConfiguredOrganisation,
        };

        Assert.Same(ReceiptTestData.ConfiguredOrganisation, request.ToDocument("2026-000001").Issuer);
        Assert.Equal(ReceiptForm.Einzelbestaetigung, request.ToDocument("2026-000001").Form);
        Assert.Throws<ReceiptsUnavailableException>(() => new ReceiptIssueRequest(Key("pay_a"), ReceiptKind.Donation, "Max", ["Weg 1"], 100, new DateOnly(2026, 1, 2), new DateOnly(2029, 5, 18))
        {
            Issuer = ReceiptTestData.ConfiguredOrganisation,
        });
        Assert.Throws<ReceiptsUnavailableException>(() => new ReceiptIssueRequest(Key("pay_a"), ReceiptKind.MembershipFee, "Max", ["Weg 1"], 100, new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 3))
        {
            Issuer = ReceiptTestData.ConfiguredOrganisation with { MembershipFeesDeductible = false },
        });
    }

    private static ReceiptDonor Donor { get; } = new("Jürgen Weiß-Großmann", ["Königstraße 5", "12345 Groß Köris"]);

    private static ReceiptPaymentKey Key(string paymentId) => ReceiptPaymentKey.For(ReceiptSubjectKind.Donation, "don_1", paymentId);

    private static AnnualReceiptPayment Payment(string id, int year, int month, int day, long cents, ReceiptKind kind = ReceiptKind.Donation) =>
        new(Key(id), new DateOnly(year, month, day), kind, cents);

    private static AnnualReceiptIssueRequest Request(IReadOnlyList<AnnualReceiptPayment> payments, OrganisationProfile? issuer = null, DateOnly? issueDate = null) =>
        new(AnnualReceiptSubject.CalendarYear(new ReceiptDonorKey("donor-1"), 2025), Donor, payments, issueDate ?? IssueDate, issuer ?? ReceiptTestData.ConfiguredOrganisation);
}
