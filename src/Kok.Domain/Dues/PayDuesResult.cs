namespace Kok.Domain.Dues;

/// <summary>
/// Outcome of <see cref="PayOverdueDues"/>: <see cref="DuesCheckoutStarted"/>, <see cref="PayDuesLinkRejected"/>,
/// <see cref="PayDuesMemberNotFound"/> or <see cref="NoDuesToPay"/>.
/// </summary>
public abstract record PayDuesResult;
