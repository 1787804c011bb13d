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
        var attributes = strata.Select(frame.Attribute).ToList();
        string temporary = path + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            writer.WriteLine(string.Join(',', new[] { idColumn }.Concat(attributes.Select(a => a.Name)).Concat(["stratum", "weight"]).Select(CsvField.Of)));
            for (int k = 0; k < sample.Units.Count; k++)
            {
                int unit = sample.Units[k];
                var stratum = sample.Strata[sample.UnitStrata[k]];
                var row = new List<object?> { pseudonymiser is null ? frame.Ids[unit] : pseudonymiser.Pseudonym(frame.Ids[unit]) };
                row.AddRange(attributes.Select(a => a.Codes[unit] < 0 ? null : a.Labels[a.Codes[unit]]));
                row.Add(stratum.Label);
                row.Add(stratum.Weight);
                writer.WriteLine(string.Join(',', row.Select(CsvField.Of)));
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>An id as written, without the apostrophe that neutralised a leading =, +, -, @, tab or carriage return.</summary>
    public static string Unneutralise(string value)
        => value.Length >= 2 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
}
