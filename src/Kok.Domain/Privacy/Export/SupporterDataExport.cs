namespace Kok.Domain.Privacy.Export;

/// <summary>
/// A copy of everything stored about one supporter (Auskunft, Art. 15 DSGVO): every donation and membership given
/// under their e-mail address with its payments and dues, every receipt with its archived PDF, the mails sent, the
/// consents with their evidence, the audit entries about them, whether they objected to mail, the bank entries
/// matched to them, their open request to erase their data, and the list of stores (<see cref="Stores"/>) saying for each where its data appears here.
/// </summary>
public sealed record SupporterDataExport(
    DateTimeOffset CreatedAt,
    string Language,
    IReadOnlyList<string> EmailAddresses,
    IReadOnlyList<ExportedDonation> Donations,
    IReadOnlyList<Membership.MemberView> Memberships,
    IReadOnlyList<ExportedReceipt> Receipts,
    IReadOnlyList<ExportedMail> Mails,
    IReadOnlyList<ExportedConsent> Consents,
    IReadOnlyList<ExportedAuditEntry> AuditEntries,
    bool ObjectedToMail,
    IReadOnlyList<ExportedBankEntry> BankEntries,
    IReadOnlyList<ExportedErasureRequest> ErasureRequests,
    IReadOnlyList<StoredDataDescription> Stores)
{
    /// <summary>True when nothing is stored under the address (the stores are still described).</summary>
    public bool IsEmpty => Donations.Count == 0 && Memberships.Count == 0 && BankEntries.Count == 0;
}
