namespace Stepwise.Monitoring;

/// <summary>
/// A monitoring request or option holds a value it cannot take. <see cref="Field"/> names the field in snake_case, as
/// the HTTP API spells fields (<c>meaningful_rate_change</c>), so a host can name the user's own option or form field;
/// the message says what was expected, in words for the user, without the field's name.
/// </summary>
public sealed class MonitorOptionException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The field as named in the request's types (<c>MeaningfulRateChange</c>) or in snake_case.</param>
    /// <param name="message">What is wrong and what was expected.</param>
    public MonitorOptionException(string field, string message)
        : base(message) => Field = SnakeCase(field);

    /// <summary>The field whose value was refused, in snake_case (e.g. <c>change_date</c>).</summary>
    public string Field { get; }

    private static string SnakeCase(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '.' && name[i - 1] != '_')
                {
                    text.Append('_');
                }

                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
