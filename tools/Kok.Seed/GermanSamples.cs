namespace Kok.Seed;

/// <summary>
/// Word lists for plausible German supporters: common first and last names (umlauts and ß included, and the names of
/// families who came to Germany in the last decades), streets, and cities with their postcode ranges. Invented
/// combinations, not real people; emails only ever at example.org / example.de (RFC 2606).
/// </summary>
internal static class GermanSamples
{
    public static readonly string[] FirstNames =
    [
        "Anna", "Maria", "Ursula", "Monika", "Petra", "Sabine", "Claudia", "Susanne", "Andrea", "Birgit", "Katrin",
        "Stefanie", "Julia", "Lena", "Leonie", "Sophie", "Hannah", "Lea", "Johanna", "Käthe", "Jürgen", "Jörg", "Björn",
        "Günter", "Sören", "Thomas", "Michael", "Andreas", "Stefan", "Christian", "Markus", "Frank", "Matthias",
        "Tobias", "Lukas", "Jonas", "Felix", "Paul", "Maximilian", "Ines", "Dörte", "Gisela", "Renate", "Helga",
        "Brigitte", "Elke", "Heike", "Anja", "Nicole", "Franziska", "Charlotte", "Marie", "Mia", "Emilia", "Clara",
        "Ayşe", "Fatma", "Elif", "Mehmet", "Can", "Katarzyna", "Agnieszka", "Olena", "Irina", "Natalia", "Amira",
        "Nadia", "Mariam", "Gülay", "Özlem", "Ömer", "Jan", "Ole", "Henrik", "Malte", "Benedikt", "Wiebke", "Frauke",
    ];

    public static readonly string[] LastNames =
    [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
        "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser",
        "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich",
        "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht",
        "Schuster", "Böhm", "Winter", "Kraus", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Sommer", "Groß",
        "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Dietrich", "Ziegler", "Kühn", "Pohl", "Engel",
        "Horn", "Busch", "Bergmann", "Voigt", "Sauer", "Arnold", "Pfeiffer", "Gößling", "Strauß", "Yılmaz", "Kaya",
        "Demir", "Öztürk", "Nowak", "Kowalski", "Wiśniewska", "Schewtschenko", "Petrović", "Nguyen", "von Bülow",
    ];

    public static readonly string[] Streets =
    [
        "Hauptstraße", "Bahnhofstraße", "Schulstraße", "Gartenstraße", "Dorfstraße", "Lindenstraße", "Kirchstraße",
        "Goethestraße", "Schillerstraße", "Mühlenweg", "Am Marktplatz", "Friedrichstraße", "Weißdornweg",
        "Rosenstraße", "Brückenstraße", "Jahnstraße", "Ringstraße", "Waldstraße", "Große Hamburger Straße",
        "Kastanienallee", "Uhlandstraße", "Beethovenstraße", "Am Rathaus", "Lessingstraße", "Fliederweg",
        "Käthe-Kollwitz-Straße", "Bertha-von-Suttner-Platz", "Clara-Zetkin-Straße", "Mörikestraße", "Königstraße",
        "Hölderlinweg", "Lärchenweg", "Burgstraße", "Am Fließ", "Ulmenstraße", "Sophie-Scholl-Straße",
    ];

    /// <summary>City, first and last postcode of its range.</summary>
    public static readonly (string City, int FirstPostcode, int LastPostcode)[] Cities =
    [
        ("Berlin", 10115, 14199), ("Hamburg", 20095, 22769), ("München", 80331, 81929), ("Köln", 50667, 51149),
        ("Frankfurt am Main", 60306, 60599), ("Stuttgart", 70173, 70629), ("Düsseldorf", 40210, 40629),
        ("Leipzig", 4103, 4357), ("Dresden", 1067, 1328), ("Nürnberg", 90402, 90491), ("Bremen", 28195, 28779),
        ("Hannover", 30159, 30669), ("Münster", 48143, 48167), ("Freiburg im Breisgau", 79098, 79117),
        ("Göttingen", 37073, 37085), ("Würzburg", 97070, 97084), ("Lübeck", 23552, 23570), ("Saarbrücken", 66111, 66133),
        ("Kiel", 24103, 24159), ("Rostock", 18055, 18147), ("Osnabrück", 49074, 49090), ("Gießen", 35390, 35398),
        ("Tübingen", 72070, 72076), ("Weißenfels", 6667, 6667), ("Jena", 7743, 7751), ("Fürth", 90762, 90768),
    ];

    /// <summary>Organisation name patterns; {0} is the city.</summary>
    public static readonly string[] Organisations =
    [
        "Frauenberatungsstelle {0} e.V.", "Fachberatungsstelle gegen Menschenhandel {0} e.V.", "Frauenhaus {0} e.V.",
        "Beratungszentrum für Migrantinnen {0} e.V.", "Verein für Frauenrechte {0} e.V.", "Diakonisches Werk {0}",
        "Caritasverband für die Stadt {0} e.V.", "Solidarität mit Frauen in Not {0} e.V.",
        "Gleichstellungsbüro der Stadt {0}", "Evangelische Frauenarbeit {0}",
    ];

    /// <summary>Group name patterns; {0} is the city.</summary>
    public static readonly string[] Groups =
    [
        "Arbeitskreis Frauenrechte {0}", "Hochschulgruppe gegen Menschenhandel {0}", "Frauenstammtisch {0}",
        "Initiative Faire Arbeit {0}", "Lesekreis Süd {0}", "Gemeindegruppe St. Marien {0}",
    ];

    /// <summary>Yearly dues in euros besides the usual 60 €.</summary>
    public static readonly int[] OtherAmountsEuro = [50, 75, 80, 100, 120, 150, 200, 250];
}
