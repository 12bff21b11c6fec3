using System.Text.Json;
using Kok.Domain.Membership;
using Kok.Functions.Http;

namespace Kok.Functions.Membership;

/// <summary>Maps the JSON body of <c>POST /api/memberships</c> onto the domain's <see cref="MembershipForm"/>.</summary>
public static class MembershipFormReader
{
    public static MembershipForm Read(JsonElement root)
    {
        var reader = new JsonFormReader();
        var consents = reader.Nested(root, "consents", "consents");
        var form = new MembershipForm
        {
            Kind = reader.Text(root, "kind", "kind"),
            Name = reader.Text(root, "name", "name"),
            ContactPerson = reader.Text(root, "contactPerson", "contactPerson"),
            Email = reader.Text(root, "email", "email"),
            Address = ContactFormReader.Address(reader, root, "address"),
            AnnualAmount = reader.Number(root, "annualAmount", "annualAmount"),
            PaymentMethod = reader.Text(root, "paymentMethod", "paymentMethod"),
            Locale = reader.Text(root, "locale", "locale"),
            Consents = consents is { } c
                ? new MembershipConsentsForm
                {
                    Privacy = reader.Flag(c, "privacy", "consents.privacy"),
                    ListPublicly = reader.Flag(c, "listPublicly", "consents.listPublicly"),
                }
                : null,
            Website = reader.Text(root, "website", "website"),
        };
        return form with { WrongTypeFields = reader.WrongTypeFields.ToArray() };
    }
}
