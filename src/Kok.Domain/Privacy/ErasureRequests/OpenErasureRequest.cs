namespace Kok.Domain.Privacy.ErasureRequests;

/// <summary>
/// A supporter's own request on "Mein KOK" to have their data erased (Art. 17 DSGVO), open until staff carry out the
/// erasure for the address. At most one is open per supporter (<see cref="SupporterKey"/>); the address is kept so
/// staff know whose data to erase, the message is the supporter's own words (optional).
/// </summary>
public sealed record OpenErasureRequest(string RequestId, string SupporterKey, string Email, string? Message, DateTimeOffset RequestedAt);
