using Kok.Domain.Dashboard;
using Kok.Domain.Mail;
using Kok.Domain.Receipts;
using Kok.Functions.Mail;
using Kok.Functions.Storage;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Mails about one member from the mail log (partition = subject id): member mails under <c>mem_…</c> and
/// <c>mem_…:…</c>, receipt mails under <c>membership:mem_…:…</c>, one range query each (<see cref="MailLogBySubject"/>).
/// </summary>
public sealed class TableMemberActivity(StorageClients storage) : IMemberActivity
{
    public async Task<IReadOnlyList<MailLogEntry>> ListMailsAsync(string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        var table = await storage.TableAsync(TableNames.MailLog);
        var entries = new List<MailLogEntry>();
        foreach (var subject in new[] { memberId, ReceiptPaymentKey.SubjectKey(ReceiptSubjectKind.Membership, memberId) })
        {
            await MailLogBySubject.AddAsync(table, subject, entries, cancellationToken);
        }

        return entries;
    }
}
