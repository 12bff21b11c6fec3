namespace Kok.Domain.Membership;

/// <summary>An entry of the endings index: member <see cref="MemberId"/> stops being a member on <see cref="EndsOn"/>.</summary>
public sealed record ScheduledEnding(string MemberId, DateOnly EndsOn);
