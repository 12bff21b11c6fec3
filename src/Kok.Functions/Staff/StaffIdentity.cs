using Microsoft.AspNetCore.Http;

namespace Kok.Functions.Staff;

/// <summary>A signed-in staff member; <see cref="Name"/> goes into audit records, never into logs.</summary>
public sealed record StaffIdentity(string Id, string Name)
{
    /// <summary>
    /// Who <see cref="StaffGuardMiddleware"/> let through for this request. A function not marked
    /// <see cref="StaffOnlyAttribute"/> has nobody here, and asking throws (a 500) rather than act for no one.
    /// </summary>
    public static StaffIdentity Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Items.TryGetValue(typeof(StaffIdentity), out var identity) && identity is StaffIdentity staff
            ? staff
            : throw new InvalidOperationException("No signed-in staff member: the function is not marked [StaffOnly].");
    }

    internal void AttachTo(HttpContext http) => http.Items[typeof(StaffIdentity)] = this;
}
