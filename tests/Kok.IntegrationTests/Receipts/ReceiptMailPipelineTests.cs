using Azure.Storage.Queues;
using Kok.Domain.Mail;
using Kok.Domain.Receipts;
using Kok.Functions.Receipts;

namespace Kok.IntegrationTests.Receipts;

/// <summary>
/// The receipt mail pipeline on Azurite: queue function → use case → real donation repository, register, archive,
/// mail log and PDF renderer, with a recording mail service. Queue retries are played by delivering the same
/// message again, as the host does after an exception; the host's poison handling itself is DevHost's to test.
/// </summary>
public sealed class ReceiptMailPipelineTests : IDisposable
{
    /// <summary>host.json: extensions.queues.maxDequeueCount.</summary>
    private const int MaxDequeueCount = 5;

    private ReceiptPipeline pipeline = null!;

    public void Dispose()
    {
        if (pipeline is not null)
        {
            AssertNoPersonalDataInLogs();
            pipeline.Dispose();
        }
    }

    [Fact]
    public async Task Paid_donation_gets_exactly_one_mail_with_one_pdf_also_when_the_message_comes_twice()
    {
        pipeline = await ReceiptPipeline.StartAsync();
        var request = await pipeline.AddPaidDonationAsync();

        await pipeline.DeliverAsync(request);
        await pipeline.DeliverAsync(request);

        var mail = Assert.Single(pipeline.Mail.Delivered);
        Assert.Equal(1, pipeline.Mail.Calls);
        Assert.Equal(ReceiptPipeline.DonorEmail, mail.To.Email);
        var pdf = Assert.Single(mail.Attachments);
        var number = pipeline.Number(1);
        Assert.Equal($"Zuwendungsbestaetigung-{number}.pdf", pdf.FileName);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal("%PDF-"u8.ToArray(), pdf.Content[..5]);
        Assert.Equal(await pipeline.Archive.GetAsync(number, ReceiptCopy.Original, CancellationToken.None), pdf.Content);

        var receipt = Assert.Single(await pipeline.Register.ListAsync(pipeline.Year, CancellationToken.None));
        Assert.Equal(number, receipt.Number);
        Assert.Equal(ReceiptPipeline.PaymentKey(request), receipt.PaymentKey);
        Assert.Equal(ReceiptPipeline.DonorName, receipt.Document.DonorName);
        Assert.Equal([ReceiptPipeline.DonorStreet, "51147 Köln"], receipt.Document.DonorAddressLines);
        Assert.Equal(2550, receipt.Document.AmountCents);
        Assert.Equal(new DateOnly(pipeline.Year, 3, 1), receipt.Document.PaymentDate);
        Assert.Equal(new DateOnly(pipeline.Year, 3, 10), receipt.Document.IssueDate);

        var log = (await pipeline.MailLogAsync(MailKind.DonationThankYou, request))!;
        Assert.Equal((MailLogState.Sent, 1, "sg-1", number), (log.State, log.Attempts, log.MessageId, log.ReceiptNumber));
        Assert.Contains(pipeline.Logs.Lines, l => l.Contains("Sent", StringComparison.Ordinal) && l.Contains(request.SubjectId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Storage_transactions_of_one_receipt_mail()
    {
        pipeline = await ReceiptPipeline.StartAsync();
        await pipeline.DeliverAsync(await pipeline.AddPaidDonationAsync()); // tables and container are created once per process
        var withReceipt = await pipeline.AddPaidDonationAsync();
        var withoutReceipt = await pipeline.AddPaidDonationAsync(wantsReceipt: false);

        var first = await pipeline.Transactions.MeasureAsync(() => pipeline.DeliverAsync(withReceipt));
        var redelivery = await pipeline.Transactions.MeasureAsync(() => pipeline.DeliverAsync(withReceipt));
        var thanksOnly = await pipeline.Transactions.MeasureAsync(() => pipeline.DeliverAsync(withoutReceipt));

        // Donation read; mail log insert; register counter read + one transaction; dashboard totals (remembered
        // contribution read, year shard row read, one transaction); PDF upload; mail log "sent".
        Assert.Equal(
            ["GET Donations", "POST MailLog", "GET ReceiptRegister", "POST $batch", "GET DashboardTotals", "GET DashboardTotals", "POST $batch", "PUT receipts", "PUT MailLog"],
            first.Select(Describe));
        // Donation read; mail log insert refused (409); mail log read: "sent".
        Assert.Equal(["GET Donations", "POST MailLog", "GET MailLog"], redelivery.Select(Describe));
        Assert.Equal(["GET Donations", "POST MailLog", "PUT MailLog"], thanksOnly.Select(Describe));

        await pipeline.RefundAsync(withReceipt);
        var refund = await pipeline.Transactions.MeasureAsync(() => pipeline.DeliverAsync(withReceipt with { Purpose = ReceiptMailPurpose.Refunded }));

        // Donation read; payment row and receipt row reads; receipt marked withdrawn; void PDF upload; receipt mail's
        // log read; withdrawal mail's log insert and "sent".
        Assert.Equal(
            ["GET Donations", "GET ReceiptRegister", "GET ReceiptRegister", "PATCH ReceiptRegister", "PUT receipts", "GET MailLog", "POST MailLog", "PUT MailLog"],
            refund.Select(Describe));
    }

    [Fact]
    public async Task Mail_service_failing_twice_sends_on_the_third_delivery_with_one_receipt_number()
    {
        pipeline = await ReceiptPipeline.StartAsync();
        var request = await pipeline.AddPaidDonationAsync();
        pipeline.Mail.Behaviour = call => call <= 2 ? throw new HttpRequestException("SendGrid answered 503") : MailSendResult.Sent($"sg-{call}");

        var firstFailure = await Assert.ThrowsAsync<HttpRequestException>(() => pipeline.DeliverAsync(request));
        var secondFailure = await Assert.ThrowsAsync<HttpRequestException>(() => pipeline.DeliverAsync(request));
        await pipeline.DeliverAsync(request);

        var mail = Assert.Single(pipeline.Mail.Delivered);
        Assert.Equal(3, pipeline.Mail.Calls);
        Assert.Equal($"Zuwendungsbestaetigung-{pipeline.Number(1)}.pdf", Assert.Single(mail.Attachments).FileName);
        Assert.Single(await pipeline.Register.ListAsync(pipeline.Year, CancellationToken.None));
        var log = (await pipeline.MailLogAsync(MailKind.DonationThankYou, request))!;
        Assert.Equal((MailLogState.Sent, 3, "sg-3", "HttpRequestException"), (log.State, log.Attempts, log.MessageId, log.LastError));
        AssertNoPersonalData(firstFailure.ToString() + secondFailure);
    }

    [Fact]
    public async Task Mail_service_failing_always_leaves_everything_for_a_replay_from_the_poison_queue()
    {
        pipeline = await ReceiptPipeline.StartAsync();
        var request = await pipeline.AddPaidDonationAsync();
        pipeline.Mail.Behaviour = _ => throw new HttpRequestException("SendGrid answered 500");

        for (var delivery = 1; delivery <= MaxDequeueCount; delivery++)
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => pipeline.DeliverAsync(request));
        }

        // What the host now moves to receipt-mail-poison is all that is needed: the failure is visible, the number
        // and its PDF are kept, and nothing was sent.
        var log = (await pipeline.MailLogAsync(MailKind.DonationThankYou, request))!;
        Assert.Equal((MailLogState.Pending, MaxDequeueCount, "HttpRequestException", (DateTimeOffset?)null), (log.State, log.Attempts, log.LastError, log.LeaseUntil));
        Assert.Empty(pipeline.Mail.Delivered);
        var receipt = Assert.Single(await pipeline.Register.ListAsync(pipeline.Year, CancellationToken.None));
        Assert.NotNull(await pipeline.Archive.GetAsync(receipt.Number, ReceiptCopy.Original, CancellationToken.None));

        pipeline.Mail.Behaviour = null;
        await pipeline.DeliverAsync(request);

        Assert.Equal(receipt.Number, Assert.Single(pipeline.Mail.Delivered).Attachments[0].FileName[23..34]);
        Assert.Single(await pipeline.Register.ListAsync(pipeline.Year, CancellationToken.None));
        Assert.Equal(MailLogState.Sent, (await pipeline.MailLogAsync(MailKind.DonationThankYou, request))!.State);
    }

    [Fact]
    public async Task Rejected_mail_is_recorded_as_failed_with_the_reason_and_not_retried()
    {
        pipeline = await ReceiptPipeline.StartAsync();
        var request = await pipeline.AddPaidDonationAsync();
        pipeline.Mail.Behaviour = _ => MailSendResult.Rejected("Does not contain a valid address.");

        await pipeline.DeliverAsync(request);
        await pipeline.DeliverAsync(request);

        Assert.Equal(1, pipeline.Mail.Calls);
        var log = (await pipeline.MailLogAsync(MailKind.DonationThankYou, request))!;
        Assert.Equal((MailLogState.Failed, "Does not contain a valid address.", pipeline.Number(1)), (log.State, log.FailureReason, log.ReceiptNumber));
        Assert.Contains(pipeline.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Rejected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Duplicates_delivered_at_the_same_time_send_one_mail()
    {
        pipeline = await ReceiptPipeline.StartAsync();
        var request = await pipeline.AddPaidDonationAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var deliveries = Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await pipeline.DeliverAsync(request);
                return null;
            }
            catch (MailInProgressException ex)
            {
                return ex;
            }
        })).ToArray();

        start.SetResult();
        var outcomes = await Task.WhenAll(deliveries);
        foreach (var _ in outcomes.Where(o => o is not null))
        {
            await pipeline.DeliverAsync(request); // the queue's retry of a copy that met the lease
        }

        Assert.Single(pipeline.Mail.Delivered);
        Assert.Single(await pipeline.Register.ListAsync(pipeline.Year, CancellationToken.None));
    }

    [Fact]
    public async Task Refund_withdraws_the_receipt_keeps_both_pdfs_and_tells_the_donor()
    {
        pipeline = await ReceiptPipeline.StartAsync();
        var paid = await pipeline.AddPaidDonationAsync();
        await pipeline.DeliverAsync(paid);
        await pipeline.RefundAsync(paid);
        var refunded = paid with { Purpose = ReceiptMailPurpose.Refunded };

        await pipeline.DeliverAsync(refunded);
        await pipeline.DeliverAsync(refunded);

        var number = pipeline.Number(1);
        var receipt = (await pipeline.Register.GetAsync(number, CancellationToken.None))!;
        Assert.Equal(new DateOnly(pipeline.Year, 3, 10), receipt.Document.WithdrawnOn);
        var original = await pipeline.Archive.GetAsync(number, ReceiptCopy.Original, CancellationToken.None);
        Assert.Equal(pipeline.Mail.Delivered[0].Attachments[0].Content, original);
        var voidCopy = await pipeline.Archive.GetAsync(number, ReceiptCopy.Withdrawn, CancellationToken.None);
        Assert.NotNull(voidCopy);
        Assert.NotEqual(original, voidCopy);
        Assert.Equal(2, pipeline.Mail.Delivered.Count);
        Assert.Equal($"Zuwendungsbestätigung Nr. {number} storniert", pipeline.Mail.Delivered[1].Subject);
        Assert.Equal(MailLogState.Sent, (await pipeline.MailLogAsync(MailKind.ReceiptWithdrawn, paid))!.State);
    }

    [Fact]
    public async Task Messages_that_can_never_succeed_go_to_the_poison_queue_at_once()
    {
        pipeline = await ReceiptPipeline.StartAsync();
        var marker = Guid.NewGuid().ToString("N");
        var unreadable = $"{{\"subjectKind\":\"donation\",\"subjectId\":\"{ReceiptPipeline.DonorEmail}\",\"marker\":\"{marker}\"";
        var unknown = $"{{\"subjectKind\":\"donation\",\"subjectId\":\"don_{marker[..20].ToUpperInvariant()}\",\"paymentId\":\"pay_{marker[..20].ToUpperInvariant()}\",\"purpose\":\"paid\"}}";

        await pipeline.DeliverAsync(unreadable);
        await pipeline.DeliverAsync(unknown);

        var poison = await pipeline.Storage.QueueAsync(ReceiptMailFunction.PoisonQueueName);
        var parked = await TakeAsync(poison, unreadable, unknown);
        Assert.Contains(unreadable, parked);
        Assert.Contains(unknown, parked);
        Assert.Equal(0, pipeline.Mail.Calls);
        Assert.DoesNotContain(marker, pipeline.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_are_parsed_by_name_and_default_to_paid()
    {
        var parsed = ReceiptMailFunction.Parse("{\"subjectKind\":\"donation\",\"subjectId\":\"don_a\",\"paymentId\":\"pay_b\"}");

        Assert.Equal(new ReceiptMailRequest(ReceiptSubjectKind.Donation, "don_a", "pay_b", ReceiptMailPurpose.Paid), parsed);
        Assert.Equal(ReceiptMailPurpose.Refunded, ReceiptMailFunction.Parse("{\"subjectKind\":\"donation\",\"subjectId\":\"don_a\",\"paymentId\":\"pay_b\",\"purpose\":\"refunded\"}")!.Purpose);
        Assert.Null(ReceiptMailFunction.Parse("{\"subjectKind\":\"donation\",\"subjectId\":\"a b\",\"paymentId\":\"pay_b\"}"));
        Assert.Null(ReceiptMailFunction.Parse("{\"subjectKind\":\"donation\",\"paymentId\":\"pay_b\"}"));
        Assert.Null(ReceiptMailFunction.Parse("not json"));
    }

    private static string Describe(Kok.Functions.Storage.StorageTransaction transaction)
    {
        // "/devstoreaccount1/MailLog(PartitionKey=…)" → "MailLog"; "/devstoreaccount1/receipts/2026/…" → "receipts".
        var resource = transaction.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1];
        var name = resource.Split('(')[0];
        return $"{transaction.Method} {name}";
    }

    /// <summary>Takes this test's messages off the shared poison queue (others' become visible again shortly).</summary>
    private static async Task<List<string>> TakeAsync(QueueClient queue, params string[] expected)
    {
        var found = new List<string>();
        while (found.Count < expected.Length)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(2))).Value;
            if (batch.Length == 0)
            {
                break;
            }

            foreach (var message in batch.Where(m => expected.Contains(m.Body.ToString())))
            {
                found.Add(message.Body.ToString());
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }

        return found;
    }

    private static void AssertNoPersonalData(string text)
    {
        Assert.DoesNotContain(ReceiptPipeline.DonorName, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Testperson", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ReceiptPipeline.DonorEmail, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ReceiptPipeline.DonorStreet, text, StringComparison.OrdinalIgnoreCase);
    }

    private void AssertNoPersonalDataInLogs()
    {
        Assert.NotEmpty(pipeline.Logs.Lines);
        AssertNoPersonalData(pipeline.Logs.All);
    }
}
