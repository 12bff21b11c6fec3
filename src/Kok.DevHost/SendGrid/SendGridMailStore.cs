using System.Globalization;

namespace Kok.DevHost.SendGrid;

/// <summary>
/// The stand-in's outbox: the newest <see cref="MaxMails"/> accepted mails, in memory (<c>DevHost:MaxMails</c>,
/// default <see cref="Capacity"/>). Older mails are dropped, counted in <see cref="Dropped"/>, and /dev/mail
/// says so: a long dues run fills the outbox, and a mail missing from it must not look like a mail never sent.
/// </summary>
internal sealed partial class SendGridMailStore(int maxMails, ILogger<SendGridMailStore>? logger = null)
{
    /// <summary>How many mails the outbox keeps when <c>DevHost:MaxMails</c> is not set.</summary>
    public const int Capacity = 500;
    public const string CapacitySetting = "DevHost:MaxMails";

    private readonly Lock gate = new();
    private readonly LinkedList<ReceivedMail> mails = new();
    private int dropped;

    public SendGridMailStore()
        : this(Capacity)
    {
    }

    public int MaxMails { get; } = maxMails >= 1
        ? maxMails
        : throw new ArgumentOutOfRangeException(nameof(maxMails), maxMails, $"{CapacitySetting} must be at least 1.");

    /// <summary>Mails dropped to keep the newest <see cref="MaxMails"/> since the start or the last <see cref="Clear"/>.</summary>
    public int Dropped
    {
        get
        {
            lock (gate)
            {
                return dropped;
            }
        }
    }

    /// <summary><c>DevHost:MaxMails</c>: a whole number of at least 1, or unset for <see cref="Capacity"/>.</summary>
    public static int CapacityFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[CapacitySetting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return Capacity;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw new InvalidOperationException($"{CapacitySetting} must be a whole number of at least 1 (mails kept in /dev/mail), not '{text}'.");
    }

    public void Add(ReceivedMail mail)
    {
        var first = false;
        lock (gate)
        {
            mails.AddFirst(mail);
            while (mails.Count > MaxMails)
            {
                mails.RemoveLast();
                first |= dropped == 0;
                dropped++;
            }
        }

        if (first && logger is not null)
        {
            LogFirstDrop(logger, MaxMails, CapacitySetting);
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<ReceivedMail> All()
    {
        lock (gate)
        {
            return [.. mails];
        }
    }

    public ReceivedMail? Find(string id)
    {
        lock (gate)
        {
            return mails.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.Ordinal));
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            mails.Clear();
            dropped = 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The /dev/mail outbox is full: it keeps the newest {Capacity} mails and drops older ones from now on (raise {Setting} to keep more).")]
    private static partial void LogFirstDrop(ILogger logger, int capacity, string setting);
}
