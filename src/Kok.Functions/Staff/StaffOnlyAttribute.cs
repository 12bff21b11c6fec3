namespace Kok.Functions.Staff;

/// <summary>
/// Marks an HTTP function (or every function of a class) as staff only. <see cref="StaffGuardMiddleware"/> enforces
/// it before the function runs, in the Functions host and in DevHost alike, and hands the function the signed-in
/// <see cref="StaffIdentity"/> (<see cref="StaffIdentity.Of"/>); the function itself has no authorization code.
/// Routes under <see cref="Http.HttpEndpoint.StaffRoutePrefixes"/> are guarded even without this mark, and a test
/// requires the mark on them all, so the code says what the guard does.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = false)]
public sealed class StaffOnlyAttribute : Attribute
{
    /// <summary>
    /// A query parameter that makes the request someone else's to decide: with it present (even empty) the guard
    /// stands aside and the function checks it (a member's signed link <c>token</c>); without it, staff only.
    /// </summary>
    public string? UnlessQuery { get; set; }

    /// <summary>
    /// For a page people open in a browser: behind App Service Authentication an anonymous browser is sent to its
    /// sign-in and back to this path (fixed here, never taken from the request) instead of getting the 401 problem.
    /// </summary>
    public string? SignInReturnsTo { get; set; }
}
