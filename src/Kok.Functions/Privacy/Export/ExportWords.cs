using System.Globalization;
using Kok.Functions.Storage;

namespace Kok.Functions.Privacy.Export;

/// <summary>
/// The words the readable copy (<see cref="SupporterDataPage"/>) uses for statuses, kinds and amounts, in German or
/// English, as "Mein KOK" names them; a name it does not know is shown as stored.
/// </summary>
internal sealed class ExportWords(bool english)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly Dictionary<string, (string De, string En)> Names = new(StringComparer.Ordinal)
    {
        ["pending"] = ("offen", "open"),
        ["processing"] = ("in Bearbeitung", "in progress"),
        ["paid"] = ("bezahlt", "paid"),
        ["failed"] = ("fehlgeschlagen", "failed"),
        ["refunded"] = ("erstattet", "refunded"),
        ["cancelled"] = ("beendet", "cancelled"),
        ["disputed"] = ("angefochten", "disputed"),
        ["returned"] = ("zurückgebucht", "returned"),
        ["active"] = ("aktiv", "active"),
        ["overdue"] = ("Beitrag offen", "fee overdue"),
        ["cancelling"] = ("gekündigt, läuft noch", "cancelled, still running"),
        ["ended"] = ("beendet", "ended"),
        ["lapsed"] = ("erloschen", "lapsed"),
        ["sent"] = ("verschickt", "sent"),
        ["once"] = ("einmalig", "one-time"),
        ["monthly"] = ("monatlich", "monthly"),
        ["card"] = ("Karte", "card"),
        ["sepa_debit"] = ("SEPA-Lastschrift", "SEPA direct debit"),
        ["bank_transfer"] = ("Überweisung", "bank transfer"),
        ["person"] = ("Person", "person"),
        ["organisation"] = ("Organisation", "organisation"),
        ["group"] = ("Gruppe", "group"),
        ["einzelbestaetigung"] = ("Einzelbestätigung", "single receipt (Einzelbestätigung)"),
        ["sammelbestaetigung"] = ("Sammelbestätigung", "annual receipt (Sammelbestätigung)"),
        ["matched"] = ("zugeordnet", "matched"),
        ["assigned"] = ("von uns zugeordnet", "assigned by staff"),
        ["unmatched"] = ("noch nicht zugeordnet", "not yet assigned"),
        ["already_known"] = ("schon bekannt", "already known"),
        ["excluded"] = ("keine Spende", "not a donation"),
        ["delete"] = ("wird gelöscht", "deleted"),
        ["pseudonymise"] = ("Beträge und Daten bleiben, die Angaben zur Person werden entfernt", "amounts and dates stay, the personal data is removed"),
        ["retain_then_delete"] = ("aufbewahrt, solange das Steuerrecht es verlangt, dann gelöscht", "kept as long as tax law requires, then deleted"),
        ["keep"] = ("bleibt (nur ein verschlüsselter Wert)", "kept (a keyed hash only)"),
    };

    public bool English => english;

    public string T(string german, string englishText) => english ? englishText : german;

    public string Of<T>(T value)
        where T : struct, Enum
        => Of(StoredNames.Name(value));

    /// <summary>The words for a name as stored (snake_case).</summary>
    public string Of(string name) => Names.TryGetValue(name, out var words) ? (english ? words.En : words.De) : name;

    public string Euro(long cents) => english
        ? "€" + (cents / 100m).ToString("#,0.00", CultureInfo.InvariantCulture)
        : (cents / 100m).ToString("#,0.00", German) + " €";

    public string Day(DateOnly? day) => day is { } d ? d.ToString(english ? "d MMM yyyy" : "d. MMMM yyyy", english ? CultureInfo.InvariantCulture : German) : "–";

    public string Time(DateTimeOffset? at) => at is { } a
        ? TimeZoneInfo.ConvertTime(a, Berlin).ToString(english ? "d MMM yyyy, HH:mm" : "d. MMMM yyyy, HH:mm 'Uhr'", english ? CultureInfo.InvariantCulture : German)
        : "–";

    public string YesNo(bool value) => value ? T("ja", "yes") : T("nein", "no");
}
