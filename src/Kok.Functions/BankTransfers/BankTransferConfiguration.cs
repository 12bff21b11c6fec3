using Kok.Domain.BankTransfers;
using Microsoft.Extensions.Configuration;

namespace Kok.Functions.BankTransfers;

/// <summary>
/// Configuration section <c>BankAccount</c> (<c>BankAccount__Holder</c>, <c>__Iban</c>, <c>__Bic</c>, <c>__BankName</c>):
/// the account supporters transfer to. Holder or IBAN unset: bank transfers are not offered.
/// </summary>
public static class BankTransferConfiguration
{
    public const string SectionName = "BankAccount";

    public static BankTransferSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        return new BankTransferSettings(BankAccount.From(section["Holder"], section["Iban"], section["Bic"], section["BankName"]));
    }
}
