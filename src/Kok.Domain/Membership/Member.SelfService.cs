using Kok.Domain.Common;
using Kok.Domain.Payments;

namespace Kok.Domain.Membership;

/// <summary>
/// What a member changes on "Mein KOK" without the office: the postal address for receipts still to come, and the
/// payment method for the next dues, taken over only once the provider confirmed it.
/// </summary>
public sealed partial class Member
{
    /// <summary>
    /// The member's new postal address: receipts issued from now on carry it; receipts already issued are archived and
    /// stay as they are. False when it is the address already.
    /// </summary>
    public bool ChangeAddress(PostalAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address == Address)
        {
            return false;
        }

        Profile = Profile.WithAddress(address);
        return true;
    }

    /// <summary>Dues still run and are charged through the provider's customer: the member may set up another method.</summary>
    public bool PaymentMethodReplaceable => DuesRun && CustomerId is not null;

    /// <summary>
    /// The member set up a new payment method and the provider confirmed it: the following dues are charged on it
    /// (<see cref="SavedPaymentMethod"/>), and the profile names its kind. Only while dues run, and only a method of
    /// the member's own customer; raises <see cref="MemberPaymentMethodChanged"/>. Null when the method is the one
    /// saved already (the provider's confirmation arrives more than once) or the membership no longer takes dues.
    /// </summary>
    public MemberPaymentMethodChanged? ReplacePaymentMethod(SavedPaymentMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (!PaymentMethodReplaceable || method.Kind == PaymentMethodKind.BankTransfer || method.CustomerId != CustomerId
            || SavedPaymentMethod?.PaymentMethodId == method.PaymentMethodId)
        {
            return null;
        }

        var previous = SavedPaymentMethod;
        SavedPaymentMethod = method;
        Profile = Profile.WithPaymentMethod(method.Kind);
        var changed = new MemberPaymentMethodChanged(Id, method, previous?.Kind);
        Raise(changed);
        return changed;
    }
}
