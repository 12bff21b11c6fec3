using Azure.Core;
using Azure.Core.Pipeline;

namespace Kok.IntegrationTests.Dues;

/// <summary>
/// Makes the app's storage fail once a budget of member writes is spent, as if the process died half way through
/// a run: every later write to the Members table throws until <see cref="Disarm"/>.
/// </summary>
internal sealed class MemberWritesFailAfter : HttpPipelineSynchronousPolicy
{
    private int budget = int.MaxValue;

    public void Arm(int writes) => Volatile.Write(ref budget, writes);

    public void Disarm() => Volatile.Write(ref budget, int.MaxValue);

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var isMemberWrite = message.Request.Method != RequestMethod.Get
            && message.Request.Uri.ToUri().AbsolutePath.Contains("/Members(", StringComparison.Ordinal);
        if (isMemberWrite && Volatile.Read(ref budget) != int.MaxValue && Interlocked.Decrement(ref budget) < 0)
        {
            throw new IOException("Simulated crash: storage is gone for this run.");
        }
    }
}
