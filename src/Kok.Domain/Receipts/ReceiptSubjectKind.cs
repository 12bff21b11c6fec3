namespace Kok.Domain.Receipts;

/// <summary>What a paid payment belongs to. Serialise by name ("Donation"), not by number, on queues.</summary>
public enum ReceiptSubjectKind
{
    Donation,

    /// <summary>
    /// The yearly dues (Mitgliedsbeitrag) of a Fördermitglied (supporting member); the subject id is the member id,
    /// the payment id one of its dues payments.
    /// </summary>
    Membership,
}
