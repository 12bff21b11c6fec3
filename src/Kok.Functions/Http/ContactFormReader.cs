using System.Text.Json;
using Kok.Domain.Common;

namespace Kok.Functions.Http;

/// <summary>Reads the name/email/address block shared by the donation and membership forms.</summary>
public static class ContactFormReader
{
    public static AddressForm? Address(JsonFormReader reader, JsonElement parent, string path)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.Nested(parent, "address", path) is not { } address)
        {
            return null;
        }

        return new AddressForm
        {
            Street = reader.Text(address, "street", path + ".street"),
            PostalCode = reader.Text(address, "postalCode", path + ".postalCode"),
            City = reader.Text(address, "city", path + ".city"),
            Country = reader.Text(address, "country", path + ".country"),
        };
    }

    public static ContactForm? Contact(JsonFormReader reader, JsonElement parent, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.Nested(parent, name, name) is not { } contact)
        {
            return null;
        }

        return new ContactForm
        {
            Name = reader.Text(contact, "name", name + ".name"),
            Email = reader.Text(contact, "email", name + ".email"),
            Address = Address(reader, contact, name + ".address"),
        };
    }
}
