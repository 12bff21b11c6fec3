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
