namespace Kok.Domain.Dues;

/// <summary>
/// The tunable numbers of the yearly dues run. SEPA requires the member to be told the amount and date of a direct
/// debit before it is collected (Vorabankündigung, "pre-notification"); 14 days is the SEPA default.
/// </summary>
public sealed record DuesPolicy
{
    public static DuesPolicy Default { get; } = new();

    /// <summary>Days between the pre-notification mail and the earliest charge.</summary>
    public int PreNotificationDays { get; init; } = 14;

    /// <summary>Days after a failed charge on which reminders go out, ascending; reminder n is sent on day [n-1].</summary>
    public IReadOnlyList<int> ReminderDays { get; init; } = [7, 21];

    /// <summary>Days after the due date after which unpaid dues make the member lapsed.</summary>
    public int GraceDays { get; init; } = 90;

    /// <summary>
    /// Dues charges per second: the pace at which a run releases its charge requests, in total however many
    /// instances consume them, and the most one instance charges. Stripe allows 25 requests per second in test mode
    /// and 100 live.
    /// </summary>
    public int MaxChargesPerSecond { get; init; } = 20;

    /// <summary>
    /// How long the <paramref name="position"/>-th charge request of a run (from 0) stays invisible on the queue:
    /// position / <see cref="MaxChargesPerSecond"/> seconds, so the requests become work at that pace rather than all
    /// at once, and a queue scaled out to many instances still charges no faster.
    /// </summary>
    public TimeSpan? ChargeRelease(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        return position == 0 ? null : TimeSpan.FromSeconds((double)position / MaxChargesPerSecond);
    }

    /// <summary>What is wrong with this policy; empty when it is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (PreNotificationDays is < 1 or > 60)
        {
            problems.Add("PreNotificationDays must be between 1 and 60.");
        }

        if (GraceDays < 1)
        {
            problems.Add("GraceDays must be positive.");
        }

        if (MaxChargesPerSecond is < 1 or > 100)
        {
            problems.Add("MaxChargesPerSecond must be between 1 and 100 (Stripe allows 100 requests per second live).");
        }

        if (ReminderDays is null)
        {
            problems.Add("ReminderDays must not be null.");
            return problems;
        }

        for (var i = 0; i < ReminderDays.Count; i++)
        {
            if (ReminderDays[i] < 1)
            {
                problems.Add("ReminderDays must be positive.");
            }

            if (i > 0 && ReminderDays[i] <= ReminderDays[i - 1])
            {
                problems.Add("ReminderDays must be strictly ascending.");
            }
        }

        // A reminder after the lapse would threaten a member who is no longer one.
        if (ReminderDays.Count > 0 && ReminderDays[^1] >= GraceDays)
        {
            problems.Add("Every reminder must come before GraceDays.");
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing the problems when the policy is not usable.</summary>
    public DuesPolicy EnsureValid()
    {
        var problems = Validate();
        return problems.Count == 0 ? this : throw new ArgumentException(string.Join(" ", problems));
    }
}
