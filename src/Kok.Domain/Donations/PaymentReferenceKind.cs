namespace Kok.Domain.Donations;

/// <summary>Provider ids that can lead from an event without our metadata back to a donation.</summary>
public enum PaymentReferenceKind
{
    /// <summary>A payment intent (one per payment); the only way to find the donation of a refunded charge.</summary>
    PaymentIntent,

    /// <summary>The subscription of a monthly donation.</summary>
    Subscription,

    /// <summary>
    /// A subscription invoice (one payment of a monthly donation): how <see cref="Payments.InvoicePaymentPaid"/>, which
    /// names only the invoice and its payment intent, finds the donation.
    /// </summary>
    Invoice,

    /// <summary>The reference code of a donation paid by bank transfer (its eight characters): how a statement entry finds it.</summary>
    TransferCode,
}
