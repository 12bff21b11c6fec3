namespace Kok.Domain.Dues;

/// <summary>What <see cref="Membership.Member.RecordBankTransfer"/> did with a bank transfer.</summary>
public enum BankTransferOutcome
{
    /// <summary>The payable period is paid by the transfer; the member is active.</summary>
    Recorded,

    /// <summary>Nothing is payable because the dues were paid already (e.g. the same transfer submitted twice).</summary>
    AlreadyPaid,

    /// <summary>Nothing is payable: the member is neither overdue nor lapsed (or was cancelled).</summary>
    NothingPayable,

    /// <summary>A provider payment of the period is still open (pending or processing); it must settle first.</summary>
    PaymentInProgress,

    /// <summary>The transfer is smaller than the period's dues.</summary>
    AmountTooLow,
}
