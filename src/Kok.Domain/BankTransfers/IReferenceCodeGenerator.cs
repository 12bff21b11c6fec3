namespace Kok.Domain.BankTransfers;

/// <summary>Hands out new <see cref="ReferenceCode"/>s; injectable so tests get predictable codes.</summary>
public interface IReferenceCodeGenerator
{
    ReferenceCode NewCode();
}
