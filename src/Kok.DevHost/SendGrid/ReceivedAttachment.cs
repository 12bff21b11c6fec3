namespace Kok.DevHost.SendGrid;

internal sealed record ReceivedAttachment(string FileName, string ContentType, string Disposition, byte[] Content);
