namespace Kok.Domain.Privacy.Export;

/// <summary>Who receives the copy: it decides only which download links it carries (each usable with that person's sign-in).</summary>
public enum ExportAudience
{
    /// <summary>The supporter on "Mein KOK" (<c>/api/me/…</c> links).</summary>
    Supporter,

    /// <summary>Office staff answering a request (<c>/api/dashboard/…</c> links).</summary>
    Staff,
}
