using System.Globalization;

namespace Stepwise.Statistics.Feedback;

/// <summary>A row of a feedback file that could not be read as mapped.</summary>
/// <param name="Line">The line of the file on which the row starts.</param>
/// <param name="Column">The column with the bad value, or <see langword="null"/> for a problem with the whole row.</param>
/// <param name="Value">The value found, if any.</param>
/// <param name="Problem">What was expected.</param>
public sealed record BadRow(int Line, string? Column, string? Value, string Problem)
{
    /// <inheritdoc/>
    public override string ToString()
    {
        string where = "line " + Line.ToString(CultureInfo.InvariantCulture) + (Column is null ? string.Empty : $", column '{Column}'");
        return Value is null ? $"{where}: {Problem}" : $"{where}: '{Value}': {Problem}";
    }
}
