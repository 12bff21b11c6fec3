using Kok.Domain.Mail;

namespace Kok.Domain.Dashboard;

/// <summary>
/// What was done about one member outside its own record, for the member detail: the mails logged about it. Member
/// mails are logged under the member id (<c>mem_…</c>, dues mails <c>mem_…:2043-05-01…</c>), receipt mails under the
/// payment key (<c>membership:mem_…:pay_…</c>), so two partition-key range queries find them all.
/// </summary>
public interface IMemberActivity
{
    /// <summary>Every mail log entry about <paramref name="memberId"/> (a well-formed member id), in no particular order.</summary>
    Task<IReadOnlyList<MailLogEntry>> ListMailsAsync(string memberId, CancellationToken cancellationToken);
}
