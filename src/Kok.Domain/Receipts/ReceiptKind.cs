namespace Kok.Domain.Receipts;

/// <summary>What a Zuwendungsbestätigung (German tax receipt) confirms; both use the same official money pattern.</summary>
public enum ReceiptKind
{
    /// <summary>Geldzuwendung: a money donation (Spende).</summary>
    Donation,

    /// <summary>Mitgliedsbeitrag: a membership fee, here the dues of a Fördermitglied (supporting member).</summary>
    MembershipFee,
}
