namespace Kok.Domain.Dues;

/// <summary>Asks for one member's dues of one period to be charged. Ids and a date only: no personal data in queues.</summary>
public sealed record DuesChargeMessage(string MemberId, DateOnly PeriodStart);
