namespace Kok.Functions.Http;

/// <summary>
/// A form of the public website posts here: <see cref="PublicFormMiddleware"/> answers the CORS preflight, adds the
/// CORS headers for the website's origins and applies the per-client rate limit before anything else (the body is
/// read after it, by <see cref="AcceptsJsonAttribute"/>), so the forms cannot drift apart.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PublicFormAttribute : Attribute
{
    /// <summary>What a form's body may weigh; the forms send well under 2 KB.</summary>
    public const int MaxBodyBytes = 16 * 1024;
}
