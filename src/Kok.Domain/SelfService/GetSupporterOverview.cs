using Kok.Domain.Membership;
using Kok.Domain.Mail;

namespace Kok.Domain.SelfService;

/// <summary>The overview of the signed-in supporter, and nobody else's: everything is found from their key alone.</summary>
public sealed class GetSupporterOverview(ISupporterDirectory directory, SupporterReceipts receipts, ISupporterMailLog mails, MembershipRules rules, TimeProvider time)
{
    public async Task<SupporterOverview> ExecuteAsync(string supporterKey, CancellationToken cancellationToken)
    {
        var records = await directory.FindAsync(supporterKey, cancellationToken).ConfigureAwait(false);
        var issued = await receipts.ListAsync(records, cancellationToken).ConfigureAwait(false);
        var subjects = records.Donations.Select(d => d.Id)
            .Concat(records.Members.Select(m => m.Id))
            .Concat(SupporterReceipts.Subjects(records))
            .ToArray();
        var log = await mails.ListAsync(subjects, [.. SupporterReceipts.MailKeys(issued)], cancellationToken).ConfigureAwait(false);
        var language = records.Language;
        return new SupporterOverview(
            language.ToCode(),
            [.. records.Donations.Select(d => SupporterDonationView.Of(d, time.GetUtcNow()))],
            [.. records.Members.Select(m => SupporterMembershipView.Of(m, rules))],
            [.. issued.Select(SupporterReceiptView.Of)],
            [.. log.Where(e => e.State == MailLogState.Sent && e.CompletedAt is not null)
                .OrderByDescending(e => e.CompletedAt)
                .Select(e => new SupporterMailView(e.Key.Kind, MailKindSubjects.Of(e.Key.Kind, language), e.CompletedAt!.Value))]);
    }
}
