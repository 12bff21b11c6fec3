namespace Kok.DevHost.Functions;

public enum FunctionTriggerKind
{
    Http,
    Queue,
    Timer,
}
