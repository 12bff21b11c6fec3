namespace Kok.Domain.Dashboard;

/// <summary>How a staff action on the dashboard ended; the API maps it to 2xx, 404, 400 or 409.</summary>
public enum StaffActionOutcome
{
    Done,
    NotFound,
    Invalid,
    Conflict,
}
