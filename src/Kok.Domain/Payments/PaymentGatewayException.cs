namespace Kok.Domain.Payments;

/// <summary>
/// The payment provider refused or could not be reached. The message never carries provider text, which may echo
/// personal data such as the email address.
/// </summary>
public sealed class PaymentGatewayException : Exception
{
    public PaymentGatewayException()
    {
    }

    public PaymentGatewayException(string message)
        : base(message)
    {
    }

    public PaymentGatewayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when retrying later may succeed (network failure, provider overload, 5xx).</summary>
    public bool IsTransient { get; init; }

    /// <summary>How long the provider asked us to wait (HTTP 429 <c>Retry-After</c>); null when it did not say.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
