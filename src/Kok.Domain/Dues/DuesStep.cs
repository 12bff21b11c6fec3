namespace Kok.Domain.Dues;

/// <summary>The daily run's decision for one member: the action and, where it has one, its detail.</summary>
public sealed record DuesStep(DuesAction Action, DateOnly? ChargeOn = null, int? ReminderNumber = null)
{
    public static DuesStep None { get; } = new(DuesAction.None);

    public static DuesStep PreNotify(DateOnly chargeOn) => new(DuesAction.SendPreNotification, ChargeOn: chargeOn);

    public static DuesStep Charge(DateOnly chargeOn) => new(DuesAction.Charge, ChargeOn: chargeOn);

    public static DuesStep Remind(int number) => new(DuesAction.SendReminder, ReminderNumber: number);

    public static DuesStep Lapse { get; } = new(DuesAction.Lapse);
}
