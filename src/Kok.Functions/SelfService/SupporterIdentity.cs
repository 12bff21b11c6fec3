using Microsoft.AspNetCore.Http;

namespace Kok.Functions.SelfService;

/// <summary>The supporter <see cref="SupporterGuardMiddleware"/> let through: the hash of their e-mail address.</summary>
public sealed record SupporterIdentity(string SupporterKey)
{
    /// <summary>
    /// Who is signed in for this request. A function outside the supporter routes has nobody here, and asking throws
    /// (a 500) rather than act for no one.
    /// </summary>
    public static SupporterIdentity Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Items.TryGetValue(typeof(SupporterIdentity), out var identity) && identity is SupporterIdentity supporter
            ? supporter
            : throw new InvalidOperationException("No signed-in supporter: the function is not under " + Http.HttpEndpoint.SupporterRoutePrefix + ".");
    }

    internal void AttachTo(HttpContext http) => http.Items[typeof(SupporterIdentity)] = this;
}
