using Kok.Domain.Receipts;

namespace Kok.Functions.Receipts;

/// <summary>
/// Numbers the Sammelbestätigungen that this process's workers ask for at the same time together: while one register
/// step is under way, requests gather, and the next step numbers all of them (at most <see cref="MaxBatch"/>, each
/// donor key and payment once) through the register's batch issue, which takes one counter step per transaction of
/// receipts (<see cref="AnnualReceiptBatch"/>). One request alone is numbered at once, as before. Why: the register's
/// single counter row limits one-by-one issuing to about 16 receipts a second from 8 workers (each loses about 3
/// counter races), batches of 7 reach about 120 (README, "Sammelbestätigung, corrections, copies"). Each caller still
/// gets the result for its own request only; a failed step fails the requests in it, whose messages are retried.
/// </summary>
public sealed class CoalescingAnnualReceiptIssuer(IReceiptRegister register) : IAnnualReceiptIssuer
{
    public const int MaxBatch = 21;

    private readonly object gate = new();
    private readonly List<Pending> pending = [];
    private bool flushing;

    public async Task<AnnualReceiptIssueResult> IssueAsync(AnnualReceiptIssueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entry = new Pending(request);
        bool start;
        lock (gate)
        {
            pending.Add(entry);
            start = !flushing;
            flushing = true;
        }

        if (start)
        {
            _ = Task.Run(FlushAsync, CancellationToken.None);
        }

        return await entry.Completion.Task.WaitAsync(cancellationToken);
    }

    private async Task FlushAsync()
    {
        while (Next() is { Count: > 0 } batch)
        {
            try
            {
                var results = await register.IssueAnnualAsync(batch.Select(p => p.Request).ToList(), CancellationToken.None);
                foreach (var (entry, result) in batch.Zip(results))
                {
                    entry.Completion.TrySetResult(result);
                }
            }
            catch (Exception ex)
            {
                foreach (var entry in batch)
                {
                    entry.Completion.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>The next batch: waiting requests of distinct donor keys and payments; empty (and no longer flushing) when none wait.</summary>
    private List<Pending> Next()
    {
        lock (gate)
        {
            var batch = new List<Pending>();
            var donors = new HashSet<(int, ReceiptDonorKey)>();
            var payments = new HashSet<ReceiptPaymentKey>();
            foreach (var entry in pending.ToList())
            {
                var request = entry.Request;
                if (batch.Count < MaxBatch
                    && donors.Add((request.Subject.Year, request.Subject.DonorKey))
                    && request.PaymentKeys.All(payments.Add))
                {
                    batch.Add(entry);
                    pending.Remove(entry);
                }
            }

            flushing = batch.Count > 0;
            return batch;
        }
    }

    private sealed class Pending(AnnualReceiptIssueRequest request)
    {
        public AnnualReceiptIssueRequest Request { get; } = request;

        public TaskCompletionSource<AnnualReceiptIssueResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
