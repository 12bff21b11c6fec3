namespace Kok.Domain.Common;

/// <summary>Outcome of validating a form: either a clean value or the field errors, never both.</summary>
public sealed class Validated<T>
    where T : class
{
    public Validated(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
        Errors = new Dictionary<string, string[]>();
        Codes = new Dictionary<string, ValidationCode[]>();
    }

    public Validated(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.IsEmpty)
        {
            throw new ArgumentException("An invalid result needs at least one error.", nameof(errors));
        }

        Errors = errors.ToDictionary();
        Codes = errors.Codes();
    }

    public T? Value { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>The codes of those errors that have one (<see cref="ValidationErrors.Add(string, string, ValidationCode)"/>).</summary>
    public IReadOnlyDictionary<string, ValidationCode[]> Codes { get; }

    public bool IsValid => Value is not null;
}
