namespace Kok.DevHost.SendGrid;

/// <summary>Armed through <c>POST /dev/sendgrid/faults</c>: the next N sends fail with the given status.</summary>
internal sealed class SendGridFaults
{
    private readonly Lock gate = new();
    private int remaining;
    private int status;

    public void Arm(int count, int statusCode)
    {
        lock (gate)
        {
            remaining = count;
            status = statusCode;
        }
    }

    public (int Remaining, int Status) State()
    {
        lock (gate)
        {
            return (remaining, status);
        }
    }

    /// <summary>Uses up one armed failure, if any is left.</summary>
    public bool TryTake(out int statusCode)
    {
        lock (gate)
        {
            statusCode = status;
            if (remaining <= 0)
            {
                return false;
            }

            remaining--;
            return true;
        }
    }
}
