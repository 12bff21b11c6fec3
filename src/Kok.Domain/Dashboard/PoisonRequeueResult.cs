namespace Kok.Domain.Dashboard;

/// <summary>The answer of <see cref="RequeuePoisonMessages"/>: how many parked messages went back, or not found.</summary>
public sealed record PoisonRequeueResult(StaffActionOutcome Outcome, string Queue, int Requeued = 0);
