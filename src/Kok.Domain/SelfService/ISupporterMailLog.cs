using Kok.Domain.Mail;

namespace Kok.Domain.SelfService;

/// <summary>Reads the mail log for one supporter's mails.</summary>
public interface ISupporterMailLog
{
    /// <summary>
    /// Entries whose subject id is one of <paramref name="subjects"/> or starts with it and a colon (a member's or a
    /// donation's mails), plus those named by <paramref name="keys"/> (mails keyed by a receipt number).
    /// </summary>
    Task<IReadOnlyList<MailLogEntry>> ListAsync(IReadOnlyCollection<string> subjects, IReadOnlyCollection<MailLogKey> keys, CancellationToken cancellationToken);
}
