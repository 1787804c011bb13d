using Stepwise.Statistics.Sampling;
using Stepwise.Text.Privacy;

namespace Stepwise.Workbench.Sampling;

/// <summary>
/// The units of a drawn sample as a CSV that <c>stepwise sample check</c> reads back: the unit id (under the
/// population's id column name, pseudonymised when a key is given), the value of each strata attribute, the stratum
/// and the design weight. Text that a spreadsheet would run as a formula is neutralised with a leading apostrophe,
/// which <see cref="Unneutralise"/> removes again when ids are matched.
/// </summary>
public static class SampleUnitsFile
{
    /// <summary>Writes the file (through a temporary name, so a failed write leaves no half file).</summary>
    public static void Write(string path, SamplingFrame frame, StratifiedSample sample, IReadOnlyList<string> strata, string idColumn, Pseudonymiser? pseudonymiser)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(strata);
        var units = Units(frame, sample, strata, pseudonymiser);
        var weights = sample.Strata.GroupBy(s => s.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Weight, StringComparer.Ordinal);
        string temporary = path + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false)))
        {
            Write(writer, idColumn, [.. strata.Select(s => frame.Attribute(s).Name)], units, label => weights[label]);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The units drawn, row by row as the file holds them: id (pseudonymised with a key), the strata
    /// attributes' values and the stratum.</summary>
    public static IReadOnlyList<Review.Quality.SampleUnit> Units(SamplingFrame frame, StratifiedSample sample, IReadOnlyList<string> strata, Pseudonymiser? pseudonymiser)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(strata);
        var attributes = strata.Select(frame.Attribute).ToList();
        var units = new Review.Quality.SampleUnit[sample.Units.Count];
        for (int k = 0; k < units.Length; k++)
        {
            int unit = sample.Units[k];
            var values = new string?[attributes.Count];
            for (int a = 0; a < values.Length; a++)
            {
                int code = attributes[a].Codes[unit];
                values[a] = code < 0 ? null : attributes[a].Labels[code];
            }

            units[k] = new Review.Quality.SampleUnit(pseudonymiser is null ? frame.Ids[unit] : pseudonymiser.Pseudonym(frame.Ids[unit]), values, sample.Strata[sample.UnitStrata[k]].Label);
        }

        return units;
    }

    /// <summary>Writes units as the file holds them: a header of the id column, the strata attributes, "stratum" and
    /// "weight", then one row per unit with its stratum's design weight.</summary>
    public static void Write(TextWriter writer, string idColumn, IReadOnlyList<string> attributes, IReadOnlyList<Review.Quality.SampleUnit> units, Func<string, double> weightOf)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(weightOf);
        writer.NewLine = "\n";
        writer.WriteLine(string.Join(',', new[] { idColumn }.Concat(attributes).Concat(["stratum", "weight"]).Select(CsvField.Of)));
        foreach (var unit in units)
        {
            var row = new List<object?>(attributes.Count + 3) { unit.Id };
            row.AddRange(unit.Attributes);
            row.Add(unit.Stratum);
            row.Add(weightOf(unit.Stratum));
            writer.WriteLine(string.Join(',', row.Select(CsvField.Of)));
        }
    }

    /// <summary>An id as written, without the apostrophe that neutralised a leading =, +, -, @, tab or carriage return.</summary>
    public static string Unneutralise(string value)
        => value.Length >= 2 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
}
