using System.Diagnostics.CodeAnalysis;

namespace Kok.Domain.Payments;

/// <summary>
/// Receives verified payment events from the provider's webhook. Implementations must be idempotent: the provider
/// delivers at least once and in no guaranteed order. Exceptions mean "not stored": the webhook answers 5xx so the
/// provider retries.
/// </summary>
[SuppressMessage(
    "Naming",
    "CA1711:Identifiers should not have incorrect suffix",
    Justification = "Handles domain payment events; not a .NET event handler delegate.")]
public interface IPaymentEventHandler
{
    Task<PaymentEventDisposition> HandleAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken);
}
