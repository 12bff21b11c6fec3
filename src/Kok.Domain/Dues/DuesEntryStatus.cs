namespace Kok.Domain.Dues;

/// <summary>Where one member's dues for one period stand.</summary>
public enum DuesEntryStatus
{
    /// <summary>The run asked for the charge; the provider has not answered yet.</summary>
    Pending,

    /// <summary>The provider accepted a SEPA debit that has not settled.</summary>
    Processing,

    Paid,

    /// <summary>Declined, returned or in need of the member's authentication; the member may still pay by link.</summary>
    Failed,
}
