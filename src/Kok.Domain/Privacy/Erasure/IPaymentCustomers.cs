namespace Kok.Domain.Privacy.Erasure;

/// <summary>The payment provider's record of a supporter (Stripe's customer: name, email, saved card or mandate).</summary>
public interface IPaymentCustomers
{
    /// <summary>Deletes the customer with what it saved; one already deleted or unknown counts as done.</summary>
    Task DeleteAsync(string customerId, CancellationToken cancellationToken);
}
