namespace Kok.DevHost.SendGrid;

/// <summary>The stand-in's outbox: the last <see cref="Capacity"/> accepted mails, in memory.</summary>
internal sealed class SendGridMailStore
{
    public const int Capacity = 500;

    private readonly Lock gate = new();
    private readonly LinkedList<ReceivedMail> mails = new();

    public void Add(ReceivedMail mail)
    {
        lock (gate)
        {
            mails.AddFirst(mail);
            while (mails.Count > Capacity)
            {
                mails.RemoveLast();
            }
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
        }
    }
}
