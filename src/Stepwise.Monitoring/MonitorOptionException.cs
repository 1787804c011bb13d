namespace Stepwise.Monitoring;

/// <summary>
/// A monitoring request or option holds a value it cannot take. <see cref="Field"/> names the field (as in the
/// request's types) so a host can name the user's own option or form field; the message says what was expected,
/// in words for the user.
/// </summary>
public sealed class MonitorOptionException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The field, e.g. <c>Confidence</c>.</param>
    /// <param name="message">What is wrong and what was expected.</param>
    public MonitorOptionException(string field, string message)
        : base(message) => Field = field;

    /// <summary>The field whose value was refused.</summary>
    public string Field { get; }
}
