namespace Kok.Functions.Staff;

/// <summary>A signed-in staff member; <see cref="Name"/> goes into audit records, never into logs.</summary>
public sealed record StaffIdentity(string Id, string Name);
