using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Functions.Membership;
using Kok.Functions.Storage;

namespace Kok.Seed;

/// <summary>
/// Creates synthetic, active supporting members and stores them through the real repository, so the member, its email
/// index row and its dues agenda row are exactly what a sign-up writes. Every member is built through the domain:
/// <see cref="Member.Create"/> on the join day, the first year's dues paid at checkout, the saved payment method, and
/// each later year pre-notified, charged and paid on its due date, until the member stands where it would today.
/// Deterministic: member <c>n</c> of a seed is always the same (its own random stream), however the writes interleave.
/// With <paramref name="totals"/> (<see cref="ForStorage"/>, as <c>./seed.sh</c> runs it) the seeded members also count
/// in the dashboard totals when seeding ends, as if each had signed up: their contributions
/// (<see cref="MemberContribution.Of"/>) go in with <see cref="DashboardTotalsSeeder.AddNewAsync"/>, in entity-group
/// transactions of 100 and one move per shard row, rather than one contended read-modify-write per member. Members the
/// totals know already are left alone, so seeding again counts nothing twice, and a member stored by an earlier seeding
/// that did not keep the totals is counted now. Without it (tests that count storage round trips) nothing is counted.
/// </summary>
public sealed class MemberSeeder(IMemberRepository members, DuesPolicy policy, DashboardTotalsSeeder? totals = null)
{
    public const string IdPrefix = "seed";
    private const int MaxDraws = 1000;

    /// <summary>The seeder <c>./seed.sh</c> uses: the real member repository and the dashboard totals on <paramref name="storage"/>.</summary>
    public static MemberSeeder ForStorage(StorageClients storage, DuesPolicy policy) =>
        new(TableMemberRepository.Create(storage, policy), policy, new DashboardTotalsSeeder(storage));

    /// <summary>
    /// Writes <see cref="SeedOptions.Members"/> members, <paramref name="written"/> being told the running count (from
    /// several threads; it must be cheap). Members that exist already are left untouched, so seeding again is harmless.
    /// </summary>
    public async Task<SeedResult> SeedAsync(SeedOptions options, Action<int>? written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var started = Stopwatch.GetTimestamp();
        var done = 0;
        var present = 0;
        var contributions = new ConcurrentDictionary<string, DashboardContribution>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, options.Members),
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (n, ct) =>
            {
                var member = Build(options, n);
                contributions[member.Id] = MemberContribution.Of(member);
                if (!await members.TryAddAsync(member, ct).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref present);
                }

                written?.Invoke(Interlocked.Increment(ref done));
            }).ConfigureAwait(false);

        var counted = totals is null ? 0 : await totals.AddNewAsync(contributions, cancellationToken).ConfigureAwait(false);
        var dueIds = Enumerable.Range(0, options.DueToday).Select(n => MemberId(options.Seed, n)).ToList();
        return new SeedResult(options.Members - present, present, dueIds, Stopwatch.GetElapsedTime(started)) { Counted = counted };
    }

    /// <summary>The id of member <paramref name="n"/> of <paramref name="seed"/>: well-formed, stable, unguessable enough.</summary>
    public static string MemberId(int seed, int n) =>
        RandomIdGenerator.Derive(Member.IdPrefix, IdPrefix, seed.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Member <paramref name="n"/> (0-based) as it stands on <see cref="SeedOptions.Today"/>: the first
    /// <see cref="SeedOptions.DueToday"/> are on the agenda of today with their charge to be asked for; every other
    /// member's agenda date lies after <see cref="SeedOptions.LastQuietDay"/>.
    /// </summary>
    public Member Build(SeedOptions options, int n)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(StreamSeed(options.Seed, n));
        var request = Request(random, n);
        var dueToday = n < options.DueToday;
        for (var draw = 0; draw < MaxDraws; draw++)
        {
            // Joined 1 to 5 years ago; a member due today joined on today's date some years back.
            var since = dueToday
                ? options.Today.AddYears(-1 - random.Next(5))
                : options.Today.AddDays(-random.Next(366, 5 * 365 + 1));
            var member = Join(options.Seed, n, request, since, random);
            PayDuesBefore(member, options.Today);
            if (dueToday && member.NextDuesDate == options.Today)
            {
                member.RecordPreNotification(DuesCalendar.PreNotificationDate(options.Today, policy));
            }

            var agenda = DuesRules.AgendaDate(member.DuesState, policy);
            var fits = dueToday ? agenda == options.Today : agenda > options.LastQuietDay;
            if (fits)
            {
                return member;
            }
        }

        throw new InvalidOperationException($"No join date puts member {n} where it was asked to be.");
    }

    private static Member Join(int seed, int n, MembershipRequest request, DateOnly since, Random random)
    {
        var joinedAt = At(since, random);
        var member = Member.Create(MemberId(seed, n), request, joinedAt.AddMinutes(-5));
        var customerId = $"cus_seed_{n}";
        member.Apply(new CheckoutCompleted(
            $"evt_seed_{seed}_{n}_checkout",
            joinedAt,
            new Dictionary<string, string>(StringComparer.Ordinal),
            $"cs_seed_{seed}_{n}",
            member.Id,
            Paid: true,
            SubscriptionMode: false,
            PaymentIntentId: null,
            SubscriptionId: null,
            customerId,
            request.AnnualAmountCents));
        member.RecordPaymentMethod(request.PaymentMethod == PaymentMethodKind.SepaDebit
            // The DevHost's Stripe stand-in answers GET /v1/mandates/mandate_seed_{n} with this same reference.
            ? new SavedPaymentMethod(
                $"pm_seed_sepa_{n}", PaymentMethodKind.SepaDebit, "3000", $"mandate_seed_{n}", customerId,
                string.Create(CultureInfo.InvariantCulture, $"KOKSEED{n:D6}"))
            : new SavedPaymentMethod($"pm_seed_card_{n}", PaymentMethodKind.Card, "4242", null, customerId));
        if (member.Status != MembershipStatus.Active)
        {
            throw new InvalidOperationException("A seeded member did not become active.");
        }

        return member;
    }

    /// <summary>Each year before <paramref name="today"/>: pre-notified on time, charged and paid on the due date.</summary>
    private void PayDuesBefore(Member member, DateOnly today)
    {
        while (member.NextDuesDate is { } due && due < today)
        {
            member.RecordPreNotification(DuesCalendar.PreNotificationDate(due, policy));
            var entry = member.RequestDuesCharge(due)
                ?? throw new InvalidOperationException("A seeded member's dues could not be requested.");
            var paidAt = new DateTimeOffset(due.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero);
            member.RecordDuesCharge(entry.PeriodStart, new DuesChargeResult(DuesChargeStatus.Succeeded, null), paidAt);
        }
    }

    private static MembershipRequest Request(Random random, int n)
    {
        var (city, firstPostcode, lastPostcode) = Pick(random, GermanSamples.Cities);
        var address = new PostalAddress(
            $"{Pick(random, GermanSamples.Streets)} {random.Next(1, 120)}{(random.Next(10) == 0 ? "a" : string.Empty)}",
            random.Next(firstPostcode, lastPostcode + 1).ToString("00000", CultureInfo.InvariantCulture),
            city,
            "DE");
        var person = $"{Pick(random, GermanSamples.FirstNames)} {Pick(random, GermanSamples.LastNames)}";
        var kindDraw = random.Next(100);
        var kind = kindDraw < 7 ? MemberKind.Organisation : kindDraw < 10 ? MemberKind.Group : MemberKind.Person;
        var name = kind switch
        {
            MemberKind.Organisation => string.Format(CultureInfo.InvariantCulture, Pick(random, GermanSamples.Organisations), city),
            MemberKind.Group => string.Format(CultureInfo.InvariantCulture, Pick(random, GermanSamples.Groups), city),
            _ => person,
        };
        var email = kind == MemberKind.Person
            ? $"{Mailbox(person)}.{n}@{(random.Next(2) == 0 ? "example.org" : "example.de")}"
            : $"kontakt.{n}@{Mailbox(city)}.example.de";
        var amountEuro = random.Next(100) < 70 ? 60 : Pick(random, GermanSamples.OtherAmountsEuro);
        return new MembershipRequest(
            kind,
            name,
            kind == MemberKind.Person ? null : person,
            email,
            address,
            amountEuro * 100L,
            random.Next(100) < 70 ? PaymentMethodKind.SepaDebit : PaymentMethodKind.Card,
            random.Next(100) < 90 ? "de" : "en",
            ListPublicly: random.Next(100) < 30);
    }

    /// <summary>A working day morning on <paramref name="day"/> (Berlin and UTC agree on the date at that hour).</summary>
    private static DateTimeOffset At(DateOnly day, Random random) =>
        new(day.ToDateTime(new TimeOnly(7 + random.Next(10), random.Next(60))), TimeSpan.Zero);

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    /// <summary>"Jürgen Groß" → "juergen.gross": mailbox names stay ASCII.</summary>
    private static string Mailbox(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            switch (c)
            {
                case 'ä': builder.Append("ae"); break;
                case 'ö': builder.Append("oe"); break;
                case 'ü': builder.Append("ue"); break;
                case 'ß': builder.Append("ss"); break;
                case ' ' or '-': builder.Append('.'); break;
                default:
                    foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
                    {
                        if (d is >= 'a' and <= 'z' or >= '0' and <= '9')
                        {
                            builder.Append(d);
                        }
                        else if (d == 'ı')
                        {
                            builder.Append('i');
                        }
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>SplitMix64 over seed and member number: independent, reproducible streams per member.</summary>
    private static int StreamSeed(int seed, int n)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32 | (uint)n) + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)(z ^ (z >> 31));
        }
    }
}
