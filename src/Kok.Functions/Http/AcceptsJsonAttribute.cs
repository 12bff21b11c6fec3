namespace Kok.Functions.Http;

/// <summary>
/// The function takes a JSON object body of at most <see cref="MaxBytes"/> bytes. <see cref="JsonBodyMiddleware"/>
/// reads and checks it once through <see cref="JsonRequestBody"/> before the function runs, answers 415 (not JSON),
/// 413 (too large) and 400 (not a readable JSON object, naming the field) itself, and hands the parsed body to the
/// function (<see cref="JsonBody.Of"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AcceptsJsonAttribute(int maxBytes) : Attribute
{
    public int MaxBytes { get; } = maxBytes > 0 ? maxBytes : throw new ArgumentOutOfRangeException(nameof(maxBytes));
}
