using Kok.Domain.Common;

namespace Kok.Domain.Dashboard;

/// <summary>One line of the members CSV: the list item plus the postal address.</summary>
public sealed record MemberExportRow(MemberListItem Item, PostalAddress Address);
