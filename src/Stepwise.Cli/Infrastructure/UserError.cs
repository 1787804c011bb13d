namespace Stepwise.Cli.Infrastructure;

/// <summary>A problem with what the user asked for (a missing option, an unknown column, a bad value), reported
/// as a message without a stack trace.</summary>
internal sealed class UserError(string message) : Exception(message);
