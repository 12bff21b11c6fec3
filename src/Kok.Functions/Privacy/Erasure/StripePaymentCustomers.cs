using System.Net;
using Kok.Domain.Payments;
using Kok.Domain.Privacy.Erasure;
using Kok.Functions.Payments;
using Microsoft.Extensions.Logging;
using Stripe;

namespace Kok.Functions.Privacy.Erasure;

/// <summary>
/// <see cref="IPaymentCustomers"/> on Stripe's <c>DELETE /v1/customers/{id}</c>, which also forgets the saved card or
/// mandate and ends the customer's subscriptions at once. A customer Stripe no longer knows (deleted before, HTTP 404)
/// counts as deleted, so erasing again does no harm.
/// </summary>
public sealed class StripePaymentCustomers(StripeClientProvider clients, ILogger<StripePaymentCustomers> logger) : IPaymentCustomers
{
    public async Task DeleteAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var service = new CustomerService(clients.Create());
        try
        {
            await service.DeleteAsync(customerId, cancellationToken: cancellationToken);
            logger.LogInformation("Deleted Stripe customer {CustomerId}", customerId);
        }
        catch (StripeException ex) when (ex.HttpStatusCode == HttpStatusCode.NotFound)
        {
            logger.LogInformation("Stripe customer {CustomerId} was deleted already", customerId);
        }
        catch (StripeException ex)
        {
            logger.LogError("Stripe refused to delete customer {CustomerId}: HTTP {Status}, {ErrorType}/{ErrorCode}",
                customerId, (int)ex.HttpStatusCode, ex.StripeError?.Type, ex.StripeError?.Code);
            throw new StripeFailures(null).Refused(ex, "the customer's deletion");
        }
        catch (HttpRequestException ex)
        {
            throw new PaymentGatewayException("Stripe could not be reached.", ex) { IsTransient = true };
        }
    }
}
