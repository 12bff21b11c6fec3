using System.Globalization;
using Kok.Domain.Common;
using Kok.Functions.Dues;
using Kok.Functions.Storage;
using Kok.Seed;
using Microsoft.Extensions.Configuration;

// dotnet run --project tools/Kok.Seed -- --members N [--due-today K] [--today yyyy-MM-dd] [--seed S]
// Storage from AzureWebJobsStorage (default: Azurite on its standard ports); Dues:* settings from the environment
// (Dues__PreNotificationDays …) as the app reads them.
const string usage = "usage: Kok.Seed --members N [--due-today K] [--today yyyy-MM-dd] [--seed S] [--parallelism P]";

int? members = null;
var dueToday = 0;
var seed = 42;
var parallelism = 32;
DateOnly? today = null;
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--members" when TryInt(value, out var n):
            members = n;
            break;
        case "--due-today" when TryInt(value, out var k):
            dueToday = k;
            break;
        case "--seed" when TryInt(value, out var s):
            seed = s;
            break;
        case "--parallelism" when TryInt(value, out var p):
            parallelism = p;
            break;
        case "--today" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d):
            today = d;
            break;
        default:
            await Console.Error.WriteLineAsync($"error: unexpected '{args[i]}'" + (value is null ? string.Empty : $" '{value}'") + Environment.NewLine + usage);
            return 2;
    }

    i++;
}

if (members is null)
{
    await Console.Error.WriteLineAsync(usage);
    return 2;
}

var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { [StorageSettings.SectionName] = "UseDevelopmentStorage=true" })
    .AddEnvironmentVariables()
    .Build();
var options = new SeedOptions(members.Value, today ?? AssociationCalendar.Date(TimeProvider.System.GetUtcNow()), dueToday, seed)
{
    Parallelism = parallelism,
};
try
{
    options.Validate();
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync("error: " + ex.Message);
    return 2;
}

var policy = DuesConfiguration.Policy(configuration);
var seeder = MemberSeeder.ForStorage(new StorageClients(StorageSettings.From(configuration), []), policy);
var bar = new ProgressBar(Console.Error, options.Members, "members");
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var result = await seeder.SeedAsync(options, bar.Report, cancel.Token);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Seeded {result.Written:N0} members ({result.AlreadyPresent:N0} already there, {options.DueToday:N0} due on {options.Today:yyyy-MM-dd}, seed {options.Seed}) in {result.Elapsed.TotalSeconds:N1} s, {options.Members / Math.Max(result.Elapsed.TotalSeconds, 0.001):N0} members/s; {result.Counted:N0} newly counted in the dashboard totals."));
    return 0;
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync(Environment.NewLine + "cancelled; members written so far stay (seeding again with the same seed completes them).");
    return 130;
}
catch (Azure.RequestFailedException ex)
{
    await Console.Error.WriteLineAsync($"{Environment.NewLine}error: storage refused a write ({ex.Status} {ex.ErrorCode}). Is Azurite running (./run.sh)?");
    return 1;
}
catch (AggregateException ex) when (ex.InnerException is HttpRequestException)
{
    await Console.Error.WriteLineAsync($"{Environment.NewLine}error: storage is not reachable. Start ./run.sh first (or set AzureWebJobsStorage).");
    return 1;
}

static bool TryInt(string? text, out int value) =>
    int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
