namespace Stepwise.Cli.Output;

/// <summary>
/// What a column or field is called in a text table. A key names the raw value CSV and JSON carry
/// (<c>throughput_mean_seconds</c>); the table shows another form of it (<c>40d 20h</c>), so a key with a unit the
/// table does not show is not used as the label: the unit suffix is dropped and underscores become spaces
/// (<c>throughput mean</c>).
/// </summary>
public static class ColumnLabels
{
    /// <summary>The label a text table shows for <paramref name="column"/>.</summary>
    public static string Of(ResultColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.Header is not null)
        {
            return column.Header;
        }

        string key = column.Key;
        const string seconds = "_seconds";
        if (column.Kind == CellKind.Duration && key.EndsWith(seconds, StringComparison.Ordinal) && key.Length > seconds.Length)
        {
            key = key[..^seconds.Length];
        }

        return key.Replace('_', ' ');
    }
}
