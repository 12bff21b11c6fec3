namespace Kok.Functions.BankTransfers;

/// <summary>An uploaded statement that cannot be read; the message says what is wrong, for a 400 naming the field <c>file</c>.</summary>
public sealed class BankStatementFormatException(string message) : Exception(message);
