using Kok.Domain.Dashboard;
using Kok.Domain.Payments;
using Kok.Domain.SelfService;

namespace Kok.Domain.Privacy.Erasure;

/// <summary>
/// Erases a supporter's personal data on request (Art. 17 DSGVO), keeping only what tax law requires (Art. 17
/// Abs. 3 lit. b: the receipt copies and the payment records they rest on, locked, until <see cref="RetentionPeriods"/>
/// ends). Without confirmation it answers per store what would be erased and kept and changes nothing. Confirmed, it
/// stops what runs (the monthly donation's subscription; the membership as staff chose), deletes the provider's
/// customer, then lets every store's <see cref="ISupporterEraser"/> do its part, and records the action in the audit
/// trail with counts only. The donations and memberships are found by the address; once erased they no longer carry
/// it, so asking again finds nothing and changes nothing, and a later donation from the same address is a new
/// supporter.
/// </summary>
public sealed class EraseSupporter(
    ISupporterDirectory directory,
    IEnumerable<ISupporterEraser> erasers,
    ISubscriptionGateway subscriptions,
    IPaymentCustomers customers,
    StaffActionRecorder audit,
    TimeProvider time)
{
    public const string AuditAction = "privacy.erase";

    private readonly IReadOnlyList<ISupporterEraser> erasers = erasers.OrderBy(e => e.Order).ToList();

    public async Task<ErasureResult> ExecuteAsync(
        ErasureForm form,
        IReadOnlyCollection<string> wrongTypeFields,
        string staffId,
        string staffName,
        CancellationToken cancellationToken)
    {
        var validated = ErasureRequest.Validate(form, wrongTypeFields);
        if (validated.Value is not { } request)
        {
            return ErasureResult.Invalid(validated.Errors);
        }

        var key = SupporterKey.Of(request.Email);
        var records = await directory.FindAsync(key, cancellationToken).ConfigureAwait(false);
        var subject = new ErasureSubject(key, records.Donations, records.Members, request.MembershipEnd, "staff:" + staffId, time.GetUtcNow());
        if (!request.Confirm)
        {
            var plan = new List<StoreErasure>();
            foreach (var eraser in erasers)
            {
                plan.Add(await eraser.PlanAsync(subject, cancellationToken).ConfigureAwait(false));
            }

            return new ErasureResult(null, false, subject.Donations.Count, subject.Members.Count, plan);
        }

        await StopPaymentsAsync(subject, cancellationToken).ConfigureAwait(false);
        var done = new List<StoreErasure>();
        foreach (var eraser in erasers)
        {
            done.Add(await eraser.EraseAsync(subject, cancellationToken).ConfigureAwait(false));
        }

        await audit.RecordAsync(
            AuditAction,
            staffId,
            staffName,
            AuditFacts.Format(
                ("donations", subject.Donations.Count),
                ("members", subject.Members.Count),
                ("deleted", done.Where(s => s.Action == ErasureAction.Delete).Sum(s => s.Count)),
                ("pseudonymised", done.Where(s => s.Action == ErasureAction.Pseudonymise).Sum(s => s.Count)),
                ("retained", done.Where(s => s.Action == ErasureAction.Retain).Sum(s => s.Count))),
            cancellationToken).ConfigureAwait(false);
        return new ErasureResult(null, true, subject.Donations.Count, subject.Members.Count, done);
    }

    /// <summary>
    /// Before any data goes: a monthly donation takes no further payment, and the provider forgets the customer
    /// (its name, email and saved card or mandate). Both are idempotent, so a repeated erasure does no harm.
    /// </summary>
    private async Task StopPaymentsAsync(ErasureSubject subject, CancellationToken cancellationToken)
    {
        foreach (var donation in subject.Donations.Where(d => d.IsRunningMonthly))
        {
            await subscriptions.ChangeAsync(
                new SubscriptionChange(donation.SubscriptionId!, "erase-" + donation.Id) { CancelAtPeriodEnd = true },
                cancellationToken).ConfigureAwait(false);
        }

        var customerIds = subject.Donations.Select(d => d.CustomerId)
            .Concat(subject.Members.Select(m => m.CustomerId))
            .Concat(subject.Members.Select(m => m.SavedPaymentMethod?.CustomerId))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
        foreach (var customerId in customerIds)
        {
            await customers.DeleteAsync(customerId, cancellationToken).ConfigureAwait(false);
        }
    }
}
