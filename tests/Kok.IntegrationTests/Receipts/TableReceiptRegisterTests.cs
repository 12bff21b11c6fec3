using Azure.Data.Tables;
using Kok.Domain.Receipts;
using Kok.Functions.Receipts;
using Kok.Functions.Storage;

namespace Kok.IntegrationTests.Receipts;

/// <summary>The register on Azurite: numbering under concurrency, idempotency per payment, frozen data, withdrawal.</summary>
public class TableReceiptRegisterTests
{
    // Payment rows are shared by all years: each test names payments of its own.
    private readonly string donationId = $"don_{Guid.NewGuid():N}";

    [Fact]
    public async Task Fifty_concurrent_workers_get_fifty_distinct_consecutive_numbers()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        // Ten "workers", each with its own clients and connections, share fifty payments.
        var workers = Enumerable.Range(0, 10).Select(_ => new TableReceiptRegister(ReceiptStorage.Clients(), TimeProvider.System)).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(1, 50).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await workers[i % workers.Length].IssueAsync(Request(year, $"pay_concurrent{i:00}"), CancellationToken.None);
        })).ToArray();

        start.SetResult();
        var issued = await Task.WhenAll(tasks);

        var sequences = issued.Select(r => int.Parse(r.Number[5..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, 50), sequences);
        Assert.All(issued, r => Assert.StartsWith($"{year}-", r.Number, StringComparison.Ordinal));
        Assert.Equal(50, issued.Select(r => r.PaymentKey).Distinct().Count());

        var listed = await workers[0].ListAsync(year, CancellationToken.None);
        Assert.Equal(issued.OrderBy(r => r.Number, StringComparer.Ordinal).Select(r => (r.Number, r.PaymentKey)), listed.Select(r => (r.Number, r.PaymentKey)));
        foreach (var receipt in issued)
        {
            Assert.Equal(receipt.Number, (await workers[1].GetByPaymentAsync(receipt.PaymentKey, CancellationToken.None))!.Number);
        }
    }

    [Fact]
    public async Task The_same_payment_issued_ten_times_at_once_gets_one_number()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            var register = new TableReceiptRegister(ReceiptStorage.Clients(), TimeProvider.System);
            return await register.IssueAsync(Request(year, "pay_same"), CancellationToken.None);
        })).ToArray();

        start.SetResult();
        var issued = await Task.WhenAll(tasks);

        Assert.All(issued, r => Assert.Equal($"{year}-000001", r.Number));
        var register = new TableReceiptRegister(ReceiptStorage.Clients(), TimeProvider.System);
        Assert.Single(await register.ListAsync(year, CancellationToken.None));
        var next = await register.IssueAsync(Request(year, "pay_other"), CancellationToken.None);
        Assert.Equal($"{year}-000002", next.Number);
    }

    [Fact]
    public async Task Frozen_data_comes_back_as_issued_whatever_a_later_request_says()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var register = new TableReceiptRegister(ReceiptStorage.Clients(), TimeProvider.System);
        var key = Key("pay_frozen");
        var first = await register.IssueAsync(
            new ReceiptIssueRequest(key, ReceiptKind.MembershipFee, "Jörg Ümlaut-Straße", ["Weg 1", "12345 Ort", "AT"], 123456, new DateOnly(year, 1, 2), new DateOnly(year, 1, 3)),
            CancellationToken.None);

        var again = await register.IssueAsync(
            new ReceiptIssueRequest(key, ReceiptKind.Donation, "Someone Else", ["Elsewhere 2"], 1, new DateOnly(year, 5, 1), new DateOnly(year, 5, 1)),
            CancellationToken.None);
        var read = (await register.GetAsync(first.Number, CancellationToken.None))!.Document;

        Assert.Equal(first.Number, again.Number);
        foreach (var document in new[] { again.Document, read })
        {
            Assert.Equal(ReceiptKind.MembershipFee, document.Kind);
            Assert.Equal("Jörg Ümlaut-Straße", document.DonorName);
            Assert.Equal(["Weg 1", "12345 Ort", "AT"], document.DonorAddressLines);
            Assert.Equal(123456, document.AmountCents);
            Assert.Equal(new DateOnly(year, 1, 2), document.PaymentDate);
            Assert.Equal(new DateOnly(year, 1, 3), document.IssueDate);
            Assert.False(document.IsWithdrawn);
        }
    }

    [Fact]
    public async Task A_payment_keeps_its_number_when_asked_again_in_the_next_year()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var register = new TableReceiptRegister(ReceiptStorage.Clients(), TimeProvider.System);

        var december = await register.IssueAsync(Request(year, "pay_newyear", issueDate: new DateOnly(year, 12, 31)), CancellationToken.None);
        var retriedInJanuary = await register.IssueAsync(Request(year, "pay_newyear", issueDate: new DateOnly(year + 1, 1, 1)), CancellationToken.None);

        Assert.Equal(december.Number, retriedInJanuary.Number);
        Assert.Empty(await register.ListAsync(year + 1, CancellationToken.None));
    }

    [Fact]
    public async Task Withdrawal_marks_the_receipt_once_and_keeps_its_number_taken()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var register = new TableReceiptRegister(ReceiptStorage.Clients(), TimeProvider.System);
        var issued = await register.IssueAsync(Request(year, "pay_refunded"), CancellationToken.None);

        var withdrawn = (await register.MarkWithdrawnAsync(issued.PaymentKey, new DateOnly(year, 3, 5), CancellationToken.None))!;
        var again = (await register.MarkWithdrawnAsync(issued.PaymentKey, new DateOnly(year, 4, 1), CancellationToken.None))!;
        var reissued = await register.IssueAsync(Request(year, "pay_refunded"), CancellationToken.None);

        Assert.Equal(new DateOnly(year, 3, 5), withdrawn.Document.WithdrawnOn);
        Assert.Equal(new DateOnly(year, 3, 5), again.Document.WithdrawnOn);
        Assert.Equal(issued.Number, reissued.Number);
        Assert.True(reissued.Document.IsWithdrawn);
        Assert.Equal(new DateOnly(year, 3, 5), (await register.GetByPaymentAsync(issued.PaymentKey, CancellationToken.None))!.Document.WithdrawnOn);
        Assert.Null(await register.MarkWithdrawnAsync(Key("pay_never"), new DateOnly(year, 3, 5), CancellationToken.None));
        var early = await register.IssueAsync(Request(year, "pay_early"), CancellationToken.None);
        Assert.Equal(early.Document.IssueDate, (await register.MarkWithdrawnAsync(early.PaymentKey, new DateOnly(year, 1, 1), CancellationToken.None))!.Document.WithdrawnOn);
    }

    [Fact]
    public async Task A_new_receipt_costs_one_read_and_one_transaction()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var counter = new StorageTransactionCounter();
        var register = new TableReceiptRegister(ReceiptStorage.Clients(counter), TimeProvider.System);
        await register.IssueAsync(Request(year, "pay_warmup"), CancellationToken.None); // creates the table once per process

        var issue = await counter.MeasureAsync(() => register.IssueAsync(Request(year, "pay_counted"), CancellationToken.None));
        var again = await counter.MeasureAsync(() => register.IssueAsync(Request(year, "pay_counted"), CancellationToken.None));

        Assert.Equal(["GET", "POST"], issue.Select(t => t.Method));
        Assert.Equal(4, again.Count); // counter read, failed transaction, payment row read, receipt row read
    }

    [Fact]
    public async Task Register_rows_live_in_one_partition_with_readable_keys()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var clients = ReceiptStorage.Clients();
        var issued = await new TableReceiptRegister(clients, TimeProvider.System).IssueAsync(Request(year, "pay_keys"), CancellationToken.None);

        var table = clients.Table(TableNames.ReceiptRegister);
        var counter = await table.GetEntityAsync<TableEntity>(TableReceiptRegister.Partition, $"counter-{year}");
        var payment = await table.GetEntityAsync<TableEntity>(TableReceiptRegister.Partition, "payment-" + issued.PaymentKey.Value);
        var receipt = await table.GetEntityAsync<TableEntity>(TableReceiptRegister.Partition, "number-" + issued.Number);

        Assert.Equal(1, counter.Value.GetInt32("Last"));
        Assert.Equal(issued.Number, payment.Value.GetString("Number"));
        Assert.Equal("donation", receipt.Value.GetString("Kind"));
        Assert.Equal(issued.PaymentKey.Value, receipt.Value.GetString("PaymentKey"));
    }

    private ReceiptPaymentKey Key(string paymentId) =>
        ReceiptPaymentKey.For(ReceiptSubjectKind.Donation, donationId, paymentId);

    private ReceiptIssueRequest Request(int year, string paymentId, DateOnly? issueDate = null) => new(
        Key(paymentId),
        ReceiptKind.Donation,
        "Erika Mustermann",
        ["Heidestraße 17", "51147 Köln"],
        2550,
        new DateOnly(year, 3, 1),
        issueDate ?? new DateOnly(year, 3, 2));
}
