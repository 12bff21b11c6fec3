namespace Kok.Domain.Dues;

/// <summary>A valid link for a member that does not exist (HTTP 404).</summary>
public sealed record PayDuesMemberNotFound : PayDuesResult;
