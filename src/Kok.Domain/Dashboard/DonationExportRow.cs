using Kok.Domain.Common;

namespace Kok.Domain.Dashboard;

/// <summary>
/// One line of the donations CSV: the list item plus what staff need for the receipt (Zuwendungsbestätigung): whether
/// the donor wants one and the donor's postal address. Both are null for donations listed before the index kept them.
/// </summary>
public sealed record DonationExportRow(DonationListItem Item, bool? WantsReceipt, PostalAddress? Address);
