using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.SelfService;

namespace Kok.Domain.Privacy.Export;

/// <summary>
/// Staff answer a request for a copy (Art. 15 DSGVO) for an address they were given: the copy as the supporter would
/// get it on "Mein KOK" (<see cref="SupporterDataExporter"/>), with staff download links. Audited as
/// <see cref="AuditAction"/> under the global subject, with the number of donations and memberships found and never
/// the address (as the objection recorded by staff).
/// </summary>
public sealed class ExportSupporterDataByStaff(SupporterDataExporter exporter, StaffActionRecorder recorder)
{
    public const string AuditAction = "privacy.export";

    /// <summary>The errors of the request (nothing read, nothing recorded), or the copy.</summary>
    public async Task<(ValidationErrors? Errors, SupporterDataExport? Export)> ExecuteAsync(
        string? email,
        IReadOnlyCollection<string> wrongTypeFields,
        string staffId,
        string staffName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wrongTypeFields);
        var errors = new ValidationErrors();
        FieldRules.WrongType(errors, wrongTypeFields);
        var address = FieldRules.Email(errors, "email", email);
        if (!errors.IsEmpty || address is null)
        {
            return (errors, null);
        }

        var export = await exporter.ExportAsync(SupporterKey.Of(address), address, ExportAudience.Staff, cancellationToken).ConfigureAwait(false);
        await recorder.RecordAsync(
            AuditAction, staffId, staffName,
            AuditFacts.Format((AuditFacts.Entities, export.Donations.Count + export.Memberships.Count)),
            cancellationToken).ConfigureAwait(false);
        return (null, export);
    }
}
