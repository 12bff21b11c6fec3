using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Mvc;

namespace Kok.Functions.Staff;

public sealed record StaffAuthResult(StaffIdentity? Identity, IActionResult? Failure)
{
    [MemberNotNullWhen(true, nameof(Identity))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsAllowed => Identity is not null;

    public static StaffAuthResult Allowed(StaffIdentity identity) => new(identity, null);

    public static StaffAuthResult Denied(IActionResult failure) => new(null, failure);
}
