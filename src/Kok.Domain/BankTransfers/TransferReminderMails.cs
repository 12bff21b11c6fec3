using Kok.Domain.Donations;
using Kok.Domain.Mail;
using Kok.Domain.Receipts;

namespace Kok.Domain.BankTransfers;

/// <summary>
/// The one friendly reminder of a transfer donation whose money has not come, in the donor's language; at most once
/// per donation (mail log key <see cref="MailKind.TransferReminder"/> + donation id), however often the run repeats.
/// An optional mail (<see cref="Privacy.MailObligations"/>): the dispatcher skips it after an objection and adds the
/// unsubscribe link otherwise.
/// </summary>
public sealed class TransferReminderMails(OrganisationProfile organisation, MailDispatcher mailer)
{
    private readonly TransferMailComposer composer = new(organisation);

    public Task<MailDispatch> SendAsync(Donation donation, BankAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(donation);
        var code = donation.TransferCode ?? throw new ArgumentException("Only a transfer donation gets a transfer reminder.", nameof(donation));
        var message = composer.Reminder(
            new MailRecipient(donation.Donor.Email, donation.Donor.Name),
            MailLanguageCode.Parse(donation.Locale),
            account,
            donation.AmountCents,
            code);
        return mailer.SendOnceAsync(
            new MailLogKey(MailKind.TransferReminder, donation.Id), _ => Task.FromResult(PreparedMail.Send(message)), cancellationToken);
    }
}
