using Kok.Domain.BankTransfers;
using Microsoft.Extensions.Configuration;

namespace Kok.Functions.BankTransfers;

/// <summary>
/// Configuration section <c>BankAccount</c> (<c>BankAccount__Holder</c>, <c>__Iban</c>, <c>__Bic</c>, <c>__BankName</c>):
/// the account supporters transfer to. Holder or IBAN unset: bank transfers are not offered.
/// <c>BankTransfer:ReminderDays</c> (default 14, 1 to 59: before staff see the donation as stale): days after which a
/// transfer donation still waiting for its money gets its one reminder.
/// </summary>
public static class BankTransferConfiguration
{
    public const string SectionName = "BankAccount";
    public const string ReminderDaysSetting = "BankTransfer:ReminderDays";

    public static BankTransferSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var reminderDays = configuration.GetValue(ReminderDaysSetting, BankTransferSettings.DefaultReminderDays);
        if (reminderDays is < 1 or >= StaleTransfers.StaleAfterDays)
        {
            throw new InvalidOperationException($"{ReminderDaysSetting} must be whole days from 1 to {StaleTransfers.StaleAfterDays - 1}.");
        }

        return new BankTransferSettings(BankAccount.From(section["Holder"], section["Iban"], section["Bic"], section["BankName"]))
        {
            ReminderDays = reminderDays,
        };
    }
}
