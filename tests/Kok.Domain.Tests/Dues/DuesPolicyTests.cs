using Kok.Domain.Dues;

namespace Kok.Domain.Tests.Dues;

public class DuesPolicyTests
{
    [Fact]
    public void Default_is_14_days_notice_reminders_on_7_and_21_and_90_days_grace()
    {
        var policy = DuesPolicy.Default;

        Assert.Equal(14, policy.PreNotificationDays);
        Assert.Equal([7, 21], policy.ReminderDays);
        Assert.Equal(90, policy.GraceDays);
        Assert.Empty(policy.Validate());
        Assert.Same(policy, policy.EnsureValid());
    }

    public static TheoryData<DuesPolicy, string> Invalid => new()
    {
        { new DuesPolicy { PreNotificationDays = 0 }, "PreNotificationDays" },
        { new DuesPolicy { PreNotificationDays = 61 }, "PreNotificationDays" },
        { new DuesPolicy { GraceDays = 0, ReminderDays = [] }, "GraceDays must be positive" },
        { new DuesPolicy { ReminderDays = [0, 21] }, "positive" },
        { new DuesPolicy { ReminderDays = [21, 7] }, "ascending" },
        { new DuesPolicy { ReminderDays = [7, 7] }, "ascending" },
        { new DuesPolicy { ReminderDays = [7, 90] }, "before GraceDays" },
        { new DuesPolicy { ReminderDays = null! }, "null" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_policies_are_refused(DuesPolicy policy, string problem)
    {
        Assert.Contains(policy.Validate(), p => p.Contains(problem, StringComparison.Ordinal));
        var error = Assert.Throws<ArgumentException>(() => policy.EnsureValid());
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_reminders_and_one_day_notice_are_allowed() =>
        Assert.Empty(new DuesPolicy { PreNotificationDays = 1, ReminderDays = [], GraceDays = 1 }.Validate());
}
