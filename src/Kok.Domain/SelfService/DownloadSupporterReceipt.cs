using Kok.Domain.Receipts;

namespace Kok.Domain.SelfService;

/// <summary>One of the signed-in supporter's receipts as archived; null for any other number.</summary>
public sealed class DownloadSupporterReceipt(ISupporterDirectory directory, SupporterReceipts receipts)
{
    public async Task<RenderedReceipt?> ExecuteAsync(string supporterKey, string number, CancellationToken cancellationToken) =>
        await receipts.DownloadAsync(await directory.FindAsync(supporterKey, cancellationToken).ConfigureAwait(false), number, cancellationToken)
            .ConfigureAwait(false);
}
