using Kok.Domain.SelfService;

namespace Kok.Domain.Privacy.Erasure;

/// <summary>What the retention run reads and deletes: the register's receipts with their PDFs, and unpaid records.</summary>
public interface IRetentionStore
{
    /// <summary>Every receipt in the register: its number and day of issue.</summary>
    Task<IReadOnlyList<RegisteredReceipt>> ReceiptsAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the receipt's register rows and its archived PDFs; one already gone counts as deleted.</summary>
    Task DeleteReceiptAsync(string number, CancellationToken cancellationToken);

    /// <summary>Donations and memberships created before <paramref name="before"/> that are not paid (candidates; the domain decides).</summary>
    Task<SupporterRecords> UnpaidCreatedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
