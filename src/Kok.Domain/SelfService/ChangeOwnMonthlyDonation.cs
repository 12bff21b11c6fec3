using System.Globalization;
using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Mail;
using Kok.Domain.Payments;

namespace Kok.Domain.SelfService;

/// <summary>
/// "Mein KOK": the signed-in donor changes one of their running monthly donations: another amount from the next
/// payment (1–10,000 €), a pause of 1–6 months, or the end after the current period. The form is checked first
/// (nothing happens on a bad one), then that the donation is the supporter's own (else not found), then the provider
/// is asked; the donation itself changes when the provider confirms (<see cref="SubscriptionUpdated"/>), so it never
/// shows what the provider does not hold. Each change is audited as done by the supporter and confirmed by mail.
/// Storage cost: the supporter's records (as the overview), one audit insert, the mail log's insert and replace.
/// </summary>
public sealed class ChangeOwnMonthlyDonation(
    ISupporterDirectory directory,
    ISubscriptionGateway subscriptions,
    IAuditTrail audit,
    IIdGenerator ids,
    MailDispatcher mail,
    SelfServiceLinks links,
    TimeProvider time)
{
    public const int MinPauseMonths = 1;
    public const int MaxPauseMonths = 6;

    /// <summary>Who the audit trail names for a change made by the supporter.</summary>
    public const string SupporterActorId = "supporter";
    public const string SupporterActorName = "Spender*in selbst (Mein KOK) / the donor (Mein KOK)";

    public const string AmountChangedAction = "donation.amount_changed";
    public const string PausedAction = "donation.paused";
    public const string CancelledAction = "donation.cancelled";

    public async Task<SupporterChangeResult> ExecuteAsync(
        string supporterKey, string donationId, MonthlyDonationChangeForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new ValidationErrors();
        FieldRules.WrongType(errors, form.WrongTypeFields ?? []);
        var now = time.GetUtcNow();
        var (amountCents, pauseUntil) = Validate(errors, form, now);
        if (!errors.IsEmpty)
        {
            return new SupporterChangeResult(SupporterChangeOutcome.Invalid, errors);
        }

        var records = await directory.FindAsync(supporterKey, cancellationToken).ConfigureAwait(false);
        var donation = records.Donations.FirstOrDefault(d => d.Id == donationId);
        if (donation is null || records.Recipient is null)
        {
            return new SupporterChangeResult(SupporterChangeOutcome.NotFound);
        }

        if (!donation.IsRunningMonthly)
        {
            return new SupporterChangeResult(SupporterChangeOutcome.NotChangeable);
        }

        var changeId = ids.NewId(RecomputeDashboardTotals.AuditIdPrefix);
        await subscriptions.ChangeAsync(
            new SubscriptionChange(donation.SubscriptionId!, $"donation-change-{donation.Id}-{changeId}")
            {
                NewAmountCents = amountCents,
                PauseUntil = pauseUntil,
                CancelAtPeriodEnd = form.Kind == MonthlyDonationChangeKind.Cancel,
            },
            cancellationToken).ConfigureAwait(false);

        var (action, facts) = form.Kind switch
        {
            MonthlyDonationChangeKind.Amount => (AmountChangedAction, AuditFacts.Format((AuditFacts.AmountCents, amountCents), ("previousAmountCents", donation.AmountCents))),
            MonthlyDonationChangeKind.Pause => (PausedAction, AuditFacts.Format(("pausedUntil", pauseUntil!.Value.ToString("O", CultureInfo.InvariantCulture)))),
            _ => (CancelledAction, AuditFacts.Format()),
        };
        await audit.RecordAsync(
            new AuditEntry(changeId, donation.Id, action, SupporterActorId, SupporterActorName, now, facts), cancellationToken).ConfigureAwait(false);

        var message = MonthlyDonationChangeMail.Compose(
            records.Recipient, records.Language, links.Page(records.Language), new MonthlyDonationChange(form.Kind, amountCents, pauseUntil));
        var mailSent = await SelfServiceMail.TrySendAsync(mail, new MailLogKey(MailKind.MonthlyDonationChanged, $"{donation.Id}:{changeId}"), message, cancellationToken)
            .ConfigureAwait(false);
        return new SupporterChangeResult(SupporterChangeOutcome.Requested, MailSent: mailSent);
    }

    private static (long? AmountCents, DateTimeOffset? PauseUntil) Validate(ValidationErrors errors, MonthlyDonationChangeForm form, DateTimeOffset now)
    {
        switch (form.Kind)
        {
            case MonthlyDonationChangeKind.Amount:
                return (FieldRules.EuroAmount(errors, "amount", form.Amount, DonationFormValidator.MinAmountCents, DonationFormValidator.MaxAmountCents), null);
            case MonthlyDonationChangeKind.Pause:
                if (form.Months is not { } months || months != decimal.Truncate(months) || months < MinPauseMonths || months > MaxPauseMonths)
                {
                    if (!errors.Contains("months"))
                    {
                        errors.Add("months", $"Must be a whole number of months from {MinPauseMonths} to {MaxPauseMonths}.");
                    }

                    return (null, null);
                }

                // Payments due before then are skipped: pausing for n months skips the next n monthly payments.
                return (null, now.AddMonths((int)months));
            default:
                return (null, null);
        }
    }
}
