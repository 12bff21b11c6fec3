using Azure.Data.Tables;
using Kok.Domain.Receipts;
using Kok.Functions.Receipts;
using Kok.Functions.Storage;

namespace Kok.IntegrationTests.Receipts;

/// <summary>
/// The register on Azurite with Sammelbestätigungen: one number sequence for both forms, every payment confirmed once,
/// idempotent issues per donor and year, withdrawal with a reason, corrections that move the payments in one step,
/// frozen issuer data, and the cost of each.
/// </summary>
public class AnnualReceiptRegisterTests
{
    // Payment rows and donor rows are shared by all tests: each test names payments and donors of its own.
    private readonly string donationId = $"don_{Guid.NewGuid():N}";
    private readonly string donorPrefix = $"donor-{Guid.NewGuid():N}"[..30];

    [Fact]
    public async Task A_sammelbestaetigung_takes_the_next_number_after_a_single_receipt_and_confirms_each_of_its_payments()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var register = Register();
        var single = await register.IssueAsync(Single(year, "pay_single"), CancellationToken.None);

        var annual = await register.IssueAnnualAsync(Annual(year, "a", 12), CancellationToken.None);

        Assert.Equal($"{year}-000001", single.Number);
        Assert.Equal($"{year}-000002", annual.Number);
        Assert.Equal(ReceiptForm.Sammelbestaetigung, annual.Document.Form);
        Assert.Equal(12, annual.PaymentKeys.Count);
        foreach (var key in annual.PaymentKeys)
        {
            Assert.Equal(annual.Number, (await register.GetByPaymentAsync(key, CancellationToken.None))!.Number);
        }

        Assert.Equal(annual.Number, (await register.GetAnnualAsync(year - 1, Donor("a"), CancellationToken.None))!.Number);
        Assert.Null(await register.GetAnnualAsync(year, Donor("a"), CancellationToken.None));
        Assert.Equal([single.Number, annual.Number], (await register.ListAsync(year, CancellationToken.None)).Select(r => r.Number));
    }

    [Fact]
    public async Task The_frozen_sammelbestaetigung_reads_back_as_issued_in_a_new_process()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var issued = await Register().IssueAnnualAsync(Annual(year, "frozen", 12), CancellationToken.None);

        var read = (await Register().GetAsync(issued.Number, CancellationToken.None))!;

        var document = read.Document;
        Assert.Equal(issued.PaymentKeys, read.PaymentKeys);
        Assert.Equal(Donor("frozen"), read.DonorKey);
        Assert.Equal("Jürgen Weiß-Großmann", document.DonorName);
        Assert.Equal(["Königstraße 5", "12345 Groß Köris"], document.DonorAddressLines);
        Assert.Equal(ReceiptPeriod.CalendarYear(year - 1), document.Period);
        Assert.Equal(issued.Document.Lines, document.Lines);
        Assert.Equal(12 * 2500, document.AmountCents);
        Assert.Equal(new DateOnly(year, 1, 15), document.IssueDate);
        var issuer = document.Issuer!;
        var expected = Issuer(year);
        Assert.Equal(
            (expected.Name, expected.City, expected.TaxOffice, expected.TaxNumber, expected.ExemptionNotice, expected.ExemptionNoticeDate, expected.AssessmentPeriod),
            (issuer.Name, issuer.City, issuer.TaxOffice, issuer.TaxNumber, issuer.ExemptionNotice, issuer.ExemptionNoticeDate, issuer.AssessmentPeriod));
        Assert.Equal(
            (expected.Purposes, expected.MembershipFeesDeductible, expected.SignatoryName, expected.SignatoryFunction, expected.ShortName, expected.ContactEmail),
            (issuer.Purposes, issuer.MembershipFeesDeductible, issuer.SignatoryName, issuer.SignatoryFunction, issuer.ShortName, issuer.ContactEmail));
        Assert.Equal(expected.AddressLines, issuer.AddressLines);
        Assert.Equal(expected.SignatureFacsimile.ToArray(), issuer.SignatureFacsimile.ToArray());
    }

    [Fact]
    public async Task Retrying_the_same_donor_and_year_returns_the_same_receipt_whatever_the_retry_asks()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await Register().IssueAnnualAsync(Annual(year, "retry", 12), CancellationToken.None);
        })).ToArray();

        start.SetResult();
        var issued = await Task.WhenAll(tasks);
        var later = await Register().IssueAnnualAsync(Annual(year, "retry", 3, firstPayment: 50), CancellationToken.None);

        Assert.All(issued, r => Assert.Equal($"{year}-000001", r.Number));
        Assert.Equal($"{year}-000001", later.Number);
        Assert.Equal(12, later.PaymentKeys.Count);
        Assert.Single(await Register().ListAsync(year, CancellationToken.None));
        Assert.Null(await Register().GetByPaymentAsync(Key("pay_050"), CancellationToken.None));
    }

    [Fact]
    public async Task A_payment_with_a_single_receipt_is_never_in_a_sammelbestaetigung_and_the_refused_issue_writes_nothing()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var register = Register();
        var single = await register.IssueAsync(Single(year, "pay_005"), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ReceiptPaymentsAlreadyConfirmedException>(
            () => register.IssueAnnualAsync(Annual(year, "overlap", 12), CancellationToken.None));

        Assert.Equal([Key("pay_005")], refused.PaymentKeys);
        Assert.Null(await register.GetAnnualAsync(year - 1, Donor("overlap"), CancellationToken.None));
        Assert.Null(await register.GetByPaymentAsync(Key("pay_000"), CancellationToken.None));
        Assert.Equal(single.Number, (await register.GetByPaymentAsync(Key("pay_005"), CancellationToken.None))!.Number);
        Assert.Equal($"{year}-000002", (await register.IssueAsync(Single(year, "pay_other"), CancellationToken.None)).Number);
    }

    [Fact]
    public async Task A_payment_in_a_sammelbestaetigung_gets_no_single_receipt_and_no_second_sammelbestaetigung()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var register = Register();
        var annual = await register.IssueAnnualAsync(Annual(year, "first", 12), CancellationToken.None);

        var single = await register.IssueAsync(Single(year, "pay_003"), CancellationToken.None);
        var other = await Assert.ThrowsAsync<ReceiptPaymentsAlreadyConfirmedException>(
            () => register.IssueAnnualAsync(Annual(year, "second", 4, firstPayment: 10), CancellationToken.None));

        Assert.Equal(annual.Number, single.Number);
        Assert.Equal(ReceiptForm.Sammelbestaetigung, single.Document.Form);
        Assert.Equal([Key("pay_010"), Key("pay_011")], other.PaymentKeys);
        Assert.Single(await register.ListAsync(year, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_issues_for_overlapping_donors_confirm_every_payment_once_under_consecutive_numbers()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Donors 0..23, each with 3 payments of their own, and every fourth donor also claims its neighbour's first.
        var tasks = Enumerable.Range(0, 24).Select(d => Task.Run(async () =>
        {
            await start.Task;
            var payments = Enumerable.Range(d * 3, 3).Select(p => $"pay_{p:000}").ToList();
            if (d % 4 == 3)
            {
                payments.Add($"pay_{(d - 1) * 3:000}");
            }

            try
            {
                return await Register().IssueAnnualAsync(Annual(year, $"d{d}", payments), CancellationToken.None);
            }
            catch (ReceiptPaymentsAlreadyConfirmedException)
            {
                return null;
            }
        })).ToArray();

        start.SetResult();
        var issued = (await Task.WhenAll(tasks)).OfType<IssuedReceipt>().ToList();

        var listed = await Register().ListAsync(year, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, listed.Count).Select(i => ReceiptNumber.Create(year, i)), listed.Select(r => r.Number));
        Assert.Equal(issued.Select(r => r.Number).Order(), listed.Select(r => r.Number));
        var confirmed = listed.SelectMany(r => r.PaymentKeys).ToList();
        Assert.Equal(confirmed.Count, confirmed.Distinct().Count());
        Assert.True(listed.Count >= 18, $"{listed.Count} issued"); // at most one of each conflicting pair loses
    }

    [Fact]
    public async Task A_batch_numbers_its_receipts_consecutively_in_one_step_and_settles_the_ones_that_lose_on_their_own()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var counter = new StorageTransactionCounter();
        var register = new TableReceiptRegister(ReceiptStorage.Clients(counter), TimeProvider.System);
        var before = await register.IssueAnnualAsync(Annual(year, "b1", 12), CancellationToken.None);
        await register.IssueAsync(Single(year, "pay_200"), CancellationToken.None);

        // Seven donors of 12 payments fill one transaction (1 + 7 × 14 rows); b1 has its receipt already, b5 claims a
        // payment with a single receipt.
        var requests = Enumerable.Range(0, 9).Select(d => d switch
        {
            1 => Annual(year, "b1", 12),
            5 => Annual(year, "b5", ["pay_500", "pay_200"]),
            _ => Annual(year, $"b{d}", 12, firstPayment: 300 + (d * 12)),
        }).ToList();
        var transactions = await counter.MeasureAsync(() => register.IssueAnnualAsync(requests, CancellationToken.None));
        var settled = await register.IssueAnnualAsync(requests, CancellationToken.None);

        Assert.Equal(before.Number, settled[1].Receipt!.Number);
        Assert.Null(settled[5].Receipt);
        Assert.Equal([Key("pay_200")], settled[5].AlreadyConfirmed);
        var numbers = settled.Where(r => r.Receipt is not null).Select(r => r.Receipt!.Number).Except([before.Number]).Order().ToList();
        Assert.Equal(Enumerable.Range(3, 7).Select(i => ReceiptNumber.Create(year, i)), numbers);
        Assert.Equal(Enumerable.Range(1, 9).Select(i => ReceiptNumber.Create(year, i)), (await register.ListAsync(year, CancellationToken.None)).Select(r => r.Number));
        Assert.Equal(requests.Select((r, i) => i), settled.Select(r => requests.IndexOf(r.Request)));
        Assert.Equal(3, transactions.Count(t => t.Method == "POST")); // lost on b1's donor row, on b5's payment, then the 7 in one
    }

    [Fact]
    public async Task Withdrawal_keeps_the_number_the_reason_and_the_payments()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var register = Register();
        var annual = await register.IssueAnnualAsync(Annual(year, "withdrawn", 2), CancellationToken.None);

        var withdrawn = (await register.WithdrawAsync(annual.Number, new ReceiptWithdrawal(new DateOnly(year, 1, 2), "Spender wünscht keine Bestätigung"), CancellationToken.None))!;
        var again = (await register.WithdrawAsync(annual.Number, new ReceiptWithdrawal(new DateOnly(year, 3, 1), "anderer Grund"), CancellationToken.None))!;
        var read = (await Register().GetAsync(annual.Number, CancellationToken.None))!.Document;

        Assert.Equal(new DateOnly(year, 1, 15), withdrawn.Document.WithdrawnOn); // not before its issue date
        Assert.Equal("Spender wünscht keine Bestätigung", again.Document.Withdrawal!.Reason);
        Assert.Equal((new DateOnly(year, 1, 15), "Spender wünscht keine Bestätigung"), (read.WithdrawnOn, read.Withdrawal!.Reason));
        Assert.Equal(annual.Number, (await register.GetByPaymentAsync(Key("pay_000"), CancellationToken.None))!.Number);
        Assert.Equal(annual.Number, (await register.IssueAnnualAsync(Annual(year, "withdrawn", 2), CancellationToken.None)).Number);
        Assert.Null(await register.WithdrawAsync($"{year}-999999", new ReceiptWithdrawal(new DateOnly(year, 1, 2), "x"), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => register.MarkWithdrawnAsync(Key("pay_000"), new DateOnly(year, 2, 1), CancellationToken.None));
    }

    [Fact]
    public async Task A_correction_withdraws_and_reissues_in_one_step_and_frees_the_payment_left_out()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var register = Register();
        var original = await register.IssueAnnualAsync(Annual(year, "corrected", 3), CancellationToken.None);
        var reason = new ReceiptWithdrawal(new DateOnly(year, 2, 1), "Zahlung vom 01.01. erstattet");

        var correction = await register.ReissueAsync(original.Number, reason, Annual(year, "corrected", ["pay_001", "pay_002"], issueDay: 32), CancellationToken.None);
        var retried = await Register().ReissueAsync(original.Number, reason, Annual(year, "corrected", ["pay_002"], issueDay: 40), CancellationToken.None);

        Assert.Equal($"{year}-000002", correction.Number);
        Assert.Equal(correction.Number, retried.Number);
        Assert.Equal(original.Number, correction.Document.Replaces);
        var old = (await register.GetAsync(original.Number, CancellationToken.None))!.Document;
        Assert.Equal((new DateOnly(year, 2, 1), "Zahlung vom 01.01. erstattet", correction.Number), (old.WithdrawnOn, old.Withdrawal!.Reason, old.ReplacedBy));
        Assert.Null(await register.GetByPaymentAsync(Key("pay_000"), CancellationToken.None));
        Assert.Equal(correction.Number, (await register.GetByPaymentAsync(Key("pay_001"), CancellationToken.None))!.Number);
        Assert.Equal(correction.Number, (await register.GetAnnualAsync(year - 1, Donor("corrected"), CancellationToken.None))!.Number);
        Assert.Equal(correction.Number, (await register.IssueAnnualAsync(Annual(year, "corrected", 3), CancellationToken.None)).Number);
        Assert.Equal($"{year}-000003", (await register.IssueAsync(Single(year, "pay_000"), CancellationToken.None)).Number);
        Assert.Equal(2, (await register.ListAsync(year, CancellationToken.None)).Count(r => r.Document.Form == ReceiptForm.Sammelbestaetigung));
    }

    [Fact]
    public async Task A_correction_may_add_a_free_payment_but_not_one_confirmed_elsewhere()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var register = Register();
        var original = await register.IssueAnnualAsync(Annual(year, "added", 2), CancellationToken.None);
        await register.IssueAsync(Single(year, "pay_009"), CancellationToken.None);
        var reason = new ReceiptWithdrawal(new DateOnly(year, 2, 1), "Zahlung vom Dezember fehlte");

        var refused = await Assert.ThrowsAsync<ReceiptPaymentsAlreadyConfirmedException>(
            () => register.ReissueAsync(original.Number, reason, Annual(year, "added", ["pay_000", "pay_001", "pay_009"]), CancellationToken.None));
        var correction = await register.ReissueAsync(original.Number, reason, Annual(year, "added", ["pay_000", "pay_001", "pay_008"]), CancellationToken.None);

        Assert.Equal([Key("pay_009")], refused.PaymentKeys);
        Assert.False((await register.GetAsync(original.Number, CancellationToken.None))!.Document.ReplacedBy is null);
        Assert.Equal($"{year}-000003", correction.Number); // the refused attempt took no number
        Assert.Equal(correction.Number, (await register.GetByPaymentAsync(Key("pay_008"), CancellationToken.None))!.Number);
        await Assert.ThrowsAsync<ArgumentException>(() => register.ReissueAsync(correction.Number, reason, Annual(year, "someone-else", 2), CancellationToken.None));
    }

    [Fact]
    public async Task A_single_receipt_is_corrected_under_a_new_number_for_the_same_payment()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var register = Register();
        var original = await register.IssueAsync(Single(year, "pay_single"), CancellationToken.None);

        var correction = await register.ReissueAsync(
            original.Number, new ReceiptWithdrawal(new DateOnly(year, 3, 5), "Anschrift korrigiert"), Single(year, "pay_single"), CancellationToken.None);

        Assert.Equal(original.Number, correction.Document.Replaces);
        Assert.Equal(correction.Number, (await register.GetByPaymentAsync(Key("pay_single"), CancellationToken.None))!.Number);
        Assert.Equal(correction.Number, (await register.IssueAsync(Single(year, "pay_single"), CancellationToken.None)).Number);
        Assert.Equal("Anschrift korrigiert", (await register.GetAsync(original.Number, CancellationToken.None))!.Document.Withdrawal!.Reason);
        await Assert.ThrowsAsync<ArgumentException>(() => register.ReissueAsync(
            correction.Number, new ReceiptWithdrawal(new DateOnly(year, 3, 5), "x"), Single(year, "pay_other"), CancellationToken.None));
    }

    [Fact]
    public async Task The_facsimile_is_stored_once_and_a_receipt_keeps_the_issuer_of_its_day()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var clients = ReceiptStorage.Clients();
        await new TableReceiptRegister(clients, TimeProvider.System).IssueAsync(Single(year, "pay_one"), CancellationToken.None);
        var second = await new TableReceiptRegister(clients, TimeProvider.System).IssueAsync(Single(year, "pay_two"), CancellationToken.None);

        var read = (await Register().GetAsync(second.Number, CancellationToken.None))!.Document;

        var hash = Issuer(year).SignatureFacsimileSha256!;
        var row = await clients.Table(TableNames.ReceiptRegister).GetEntityAsync<TableEntity>(TableReceiptRegister.Partition, "facsimile-" + hash);
        Assert.NotNull(row.Value);
        Assert.Equal(Issuer(year).SignatureFacsimile.ToArray(), read.Issuer!.SignatureFacsimile.ToArray());
        Assert.Equal("Erika Mustermann", read.Issuer.SignatoryName);
        Assert.Null((await clients.Table(TableNames.ReceiptRegister).GetEntityAsync<TableEntity>(TableReceiptRegister.Partition, "number-" + second.Number)).Value.GetBinary("SignatureFacsimile"));
    }

    [Fact]
    public async Task A_row_written_before_sammelbestaetigungen_reads_as_an_einzelbestaetigung_without_issuer()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var clients = ReceiptStorage.Clients();
        var number = ReceiptNumber.Create(year, 1);
        var table = await clients.TableAsync(TableNames.ReceiptRegister);
        await table.AddEntityAsync(new TableEntity(TableReceiptRegister.Partition, "number-" + number)
        {
            ["Number"] = number,
            ["PaymentKey"] = Key("pay_legacy").Value,
            ["Kind"] = "donation",
            ["DonorName"] = "Erika Mustermann",
            ["DonorAddressLines"] = "[\"Heidestraße 17\",\"51147 Köln\"]",
            ["AmountCents"] = 2550L,
            ["PaymentDate"] = $"{year}-03-01",
            ["IssueDate"] = $"{year}-03-02",
            ["WithdrawnOn"] = $"{year}-03-05",
        });

        var read = (await Register().GetAsync(number, CancellationToken.None))!;

        Assert.Equal(ReceiptForm.Einzelbestaetigung, read.Document.Form);
        Assert.Null(read.Document.Issuer);
        Assert.Equal((2550L, new DateOnly(year, 3, 1)), (read.Document.AmountCents, read.Document.PaymentDate));
        Assert.Equal(ReceiptWithdrawal.RefundReason, read.Document.Withdrawal!.Reason);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    public async Task A_sammelbestaetigung_costs_one_read_and_one_transaction_whatever_its_lines(int lines)
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var counter = new StorageTransactionCounter();
        var register = new TableReceiptRegister(ReceiptStorage.Clients(counter), TimeProvider.System);
        await register.IssueAnnualAsync(Annual(year, "warmup", 1, firstPayment: 80), CancellationToken.None); // table and facsimile once per process

        var issue = await counter.MeasureAsync(() => register.IssueAnnualAsync(Annual(year, "counted", lines), CancellationToken.None));
        var again = await counter.MeasureAsync(() => register.IssueAnnualAsync(Annual(year, "counted", lines), CancellationToken.None));
        var correct = await counter.MeasureAsync(() => register.ReissueAsync(
            $"{year}-000002", new ReceiptWithdrawal(new DateOnly(year, 2, 1), "Korrektur"), Annual(year, "counted", lines), CancellationToken.None));

        Assert.Equal(["GET", "POST"], issue.Select(t => t.Method));
        Assert.Equal(["GET", "POST", "GET", "GET"], again.Select(t => t.Method)); // counter, failed transaction, donor row, receipt row
        Assert.Equal(["GET", "GET", "POST"], correct.Select(t => t.Method)); // old receipt, counter, transaction
    }

    private static TableReceiptRegister Register() => new(ReceiptStorage.Clients(), TimeProvider.System);

    /// <summary>A configured issuer whose notice is a year old on the test year's receipt dates, with a facsimile.</summary>
    private static OrganisationProfile Issuer(int year) => OrganisationProfile.KokDefaults with
    {
        AddressLines = ["Kurfürstenstraße 33", "10785 Berlin"],
        TaxOffice = "Berlin für Körperschaften I",
        TaxNumber = "27/123/45678",
        ExemptionNoticeDate = new DateOnly(year - 1, 5, 17),
        AssessmentPeriod = "2020 bis 2022",
        Purposes = "der Hilfe für Opfer von Straftaten",
        SignatoryName = "Erika Mustermann",
        SignatoryFunction = "Geschäftsführerin",
        ContactEmail = "spenden@example.org",
        SignatureFacsimile = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3, (byte)(year % 251) },
    };

    private ReceiptDonorKey Donor(string name) => new($"{donorPrefix}-{name}");

    private ReceiptPaymentKey Key(string paymentId) => ReceiptPaymentKey.For(ReceiptSubjectKind.Donation, donationId, paymentId);

    private ReceiptIssueRequest Single(int year, string paymentId) =>
        new(Key(paymentId), ReceiptKind.Donation, "Erika Mustermann", ["Heidestraße 17", "51147 Köln"], 2550, new DateOnly(year, 3, 1), new DateOnly(year, 3, 2))
        {
            Issuer = Issuer(year),
        };

    /// <summary>Payments pay_{first}… of <paramref name="count"/> monthly 25 € in the year before <paramref name="year"/>.</summary>
    private AnnualReceiptIssueRequest Annual(int year, string donor, int count, int firstPayment = 0) =>
        Annual(year, donor, Enumerable.Range(firstPayment, count).Select(i => $"pay_{i:000}").ToList());

    private AnnualReceiptIssueRequest Annual(int year, string donor, IReadOnlyList<string> paymentIds, int issueDay = 15) => new(
        AnnualReceiptSubject.CalendarYear(Donor(donor), year - 1),
        new ReceiptDonor("Jürgen Weiß-Großmann", ["Königstraße 5", "12345 Groß Köris"]),
        paymentIds.Select(id => new AnnualReceiptPayment(
            Key(id), new DateOnly(year - 1, 1, 1).AddDays(int.Parse(id[4..], System.Globalization.CultureInfo.InvariantCulture) % 120 * 3), ReceiptKind.Donation, 2500)).ToList(),
        new DateOnly(year, 1, 1).AddDays(issueDay - 1),
        Issuer(year));
}
