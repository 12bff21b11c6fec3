namespace Kok.Domain.Privacy.Export;

/// <summary>The supporter's open request to erase their data, as they made it on "Mein KOK" (the address is in the copy's addresses).</summary>
public sealed record ExportedErasureRequest(string RequestId, DateTimeOffset RequestedAt, string? Message);
