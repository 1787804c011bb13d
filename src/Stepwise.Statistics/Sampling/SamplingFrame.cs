using System.Globalization;
using Stepwise.Statistics.Tabular;

namespace Stepwise.Statistics.Sampling;

/// <summary>
/// The units a sample is drawn from (cases or customers), each with an id and attributes. Engines that know other
/// sources (an event log's cases) build a frame from their own data; this type knows nothing of them.
/// </summary>
public sealed class SamplingFrame
{
    /// <summary>Creates a frame; every attribute must have one code per id.</summary>
    /// <exception cref="ArgumentException">An attribute's length differs from the number of ids.</exception>
    public SamplingFrame(IReadOnlyList<string> ids, IReadOnlyList<FrameAttribute> attributes, IReadOnlyList<(string Name, double[] Values)>? numbers = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(attributes);
        foreach (var a in attributes)
        {
            if (a.Codes.Count != ids.Count)
            {
                throw new ArgumentException($"Attribute '{a.Name}' has {a.Codes.Count} values; the frame has {ids.Count} units.", nameof(attributes));
            }
        }

        Ids = ids;
        Attributes = attributes;
        Numbers = numbers ?? [];
    }

    /// <summary>The unit ids.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>The number of units.</summary>
    public int Count => Ids.Count;

    /// <summary>Categorical attributes.</summary>
    public IReadOnlyList<FrameAttribute> Attributes { get; }

    /// <summary>Numeric attributes (for optimal allocation), NaN where missing or not a number.</summary>
    public IReadOnlyList<(string Name, double[] Values)> Numbers { get; }

    /// <summary>The attribute named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">There is none; the message lists those there are.</exception>
    public FrameAttribute Attribute(string name)
        => Attributes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{name}' is not an attribute of the units; they have: {string.Join(", ", Attributes.Select(a => a.Name))}.", nameof(name));

    /// <summary>The numeric attribute named <paramref name="name"/> (case-insensitive).</summary>
    public double[] Number(string name)
        => Numbers.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)).Values
            ?? throw new ArgumentException($"'{name}' is not a numeric attribute of the units.", nameof(name));

    /// <summary>
    /// Builds a frame from a delimited table: <paramref name="idColumn"/> names the units (the line number when
    /// <see langword="null"/>); every other column becomes an attribute, and columns whose values are all numbers are
    /// also numeric attributes.
    /// </summary>
    /// <exception cref="DelimitedTextException">The id column is missing, a row has the wrong number of fields, or an id repeats.</exception>
    public static SamplingFrame FromTable(DelimitedTable table, string? idColumn)
    {
        ArgumentNullException.ThrowIfNull(table);
        int id = idColumn is null ? -1 : table.Require(idColumn, "unit id");
        int n = table.Records.Count;
        var ids = new string[n];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < n; r++)
        {
            var record = table.Records[r];
            if (record.Length != table.Header.Count)
            {
                throw new DelimitedTextException(table.Source, table.Lines[r], null, $"expected {table.Header.Count} fields as in the header, found {record.Length}");
            }

            ids[r] = id < 0 ? table.Lines[r].ToString(CultureInfo.InvariantCulture) : record[id].Trim();
            if (!seen.TryAdd(ids[r], table.Lines[r]))
            {
                throw new DelimitedTextException(table.Source, table.Lines[r], idColumn, $"unit id '{ids[r]}' is already used on line {seen[ids[r]].ToString(CultureInfo.InvariantCulture)}; ids must be unique");
            }
        }

        var attributes = new List<FrameAttribute>();
        var numbers = new List<(string, double[])>();
        for (int c = 0; c < table.Header.Count; c++)
        {
            if (c == id)
            {
                continue;
            }

            var values = new string?[n];
            var numeric = new double[n];
            bool allNumeric = true;
            for (int r = 0; r < n; r++)
            {
                string v = table.Records[r][c].Trim();
                values[r] = v.Length == 0 ? null : v;
                if (v.Length == 0)
                {
                    numeric[r] = double.NaN;
                }
                else if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out numeric[r]))
                {
                    allNumeric = false;
                }
            }

            attributes.Add(FrameAttribute.FromValues(table.Header[c], values));
            if (allNumeric)
            {
                numbers.Add((table.Header[c], numeric));
            }
        }

        return new SamplingFrame(ids, attributes, numbers);
    }

    /// <summary>The stratum of each unit: the combination of its values of <paramref name="attributes"/> (-1 when any is
    /// missing), and the label of each stratum (values joined by " | ").</summary>
    public (int[] Codes, IReadOnlyList<string> Labels) Strata(IReadOnlyList<string> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var columns = attributes.Select(Attribute).ToArray();
        var codes = new int[Count];
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        var parts = new string[columns.Length];
        for (int i = 0; i < Count; i++)
        {
            bool missing = false;
            for (int a = 0; a < columns.Length; a++)
            {
                int code = columns[a].Codes[i];
                if (code < 0)
                {
                    missing = true;
                    break;
                }

                parts[a] = columns[a].Labels[code];
            }

            if (missing)
            {
                codes[i] = -1;
                continue;
            }

            string label = columns.Length == 0 ? "all" : string.Join(" | ", parts);
            if (!labels.TryGetValue(label, out int stratum))
            {
                stratum = labels.Count;
                labels.Add(label, stratum);
            }

            codes[i] = stratum;
        }

        return (codes, [.. labels.OrderBy(kv => kv.Value).Select(kv => kv.Key)]);
    }
}
