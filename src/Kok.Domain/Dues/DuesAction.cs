namespace Kok.Domain.Dues;

/// <summary>What the daily dues run does for one member on one day.</summary>
public enum DuesAction
{
    None,

    /// <summary>Send the SEPA pre-notification mail announcing <see cref="DuesStep.ChargeOn"/>.</summary>
    SendPreNotification,

    /// <summary>Collect the year's dues by SEPA debit.</summary>
    Charge,

    /// <summary>Send reminder number <see cref="DuesStep.ReminderNumber"/> after a failed charge.</summary>
    SendReminder,

    /// <summary>Move the member to lapsed (kept, never deleted) and flag them for staff.</summary>
    Lapse,
}
