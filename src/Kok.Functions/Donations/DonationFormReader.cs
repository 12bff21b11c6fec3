using System.Text.Json;
using Kok.Domain.Donations;
using Kok.Functions.Http;

namespace Kok.Functions.Donations;

/// <summary>Maps the JSON body of <c>POST /api/donations</c> onto the domain's <see cref="DonationForm"/>.</summary>
public static class DonationFormReader
{
    public static DonationForm Read(JsonElement root)
    {
        var reader = new JsonFormReader();
        var form = new DonationForm
        {
            Amount = reader.Number(root, "amount", "amount"),
            Currency = reader.Text(root, "currency", "currency"),
            Interval = reader.Text(root, "interval", "interval"),
            PaymentMethod = reader.Text(root, "paymentMethod", "paymentMethod"),
            Donor = ContactFormReader.Contact(reader, root, "donor"),
            WantsReceipt = reader.Flag(root, "wantsReceipt", "wantsReceipt"),
            Locale = reader.Text(root, "locale", "locale"),
            Website = reader.Text(root, "website", "website"),
        };
        return form with { WrongTypeFields = reader.WrongTypeFields.ToArray() };
    }
}
