using System.Globalization;
using Stepwise.Statistics.Tabular;

namespace Stepwise.Statistics.Feedback;

/// <summary>What the values of one source column look like, for detecting its role.</summary>
internal sealed class ColumnProfile
{
    private const int DistinctCap = 1000;

    public required string Name { get; init; }

    public required int Index { get; init; }

    public required string[] Words { get; init; }

    public int Present { get; private set; }

    public bool Numeric { get; private set; } = true;

    public bool Integral { get; private set; } = true;

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    public double MeanLength { get; private set; }

    public HashSet<string> Distinct { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool HasWord(params string[] words)
    {
        foreach (string w in words)
        {
            if (Array.IndexOf(Words, w) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public static List<ColumnProfile> Build(DelimitedTable table, HashSet<string> missing)
    {
        var profiles = new List<ColumnProfile>(table.Header.Count);
        for (int c = 0; c < table.Header.Count; c++)
        {
            profiles.Add(new ColumnProfile { Name = table.Header[c], Index = c, Words = SplitWords(table.Header[c]) });
        }

        var cells = new CellValues(missing);
        var totalLength = new long[profiles.Count];
        foreach (var record in table.Records)
        {
            for (int c = 0; c < profiles.Count && c < record.Length; c++)
            {
                string value = record[c].Trim();
                if (cells.IsMissing(value))
                {
                    continue;
                }

                var p = profiles[c];
                p.Present++;
                totalLength[c] += value.Length;
                if (p.Distinct.Count < DistinctCap)
                {
                    p.Distinct.Add(value);
                }

                if (p.Numeric)
                {
                    if (CellValues.TryParseNumber(value, out double d))
                    {
                        p.Min = Math.Min(p.Min, d);
                        p.Max = Math.Max(p.Max, d);
                        if (d != Math.Floor(d))
                        {
                            p.Integral = false;
                        }
                    }
                    else
                    {
                        p.Numeric = false;
                    }
                }
            }
        }

        for (int c = 0; c < profiles.Count; c++)
        {
            var p = profiles[c];
            if (p.Present == 0)
            {
                p.Numeric = false;
            }

            p.MeanLength = p.Present == 0 ? 0 : (double)totalLength[c] / p.Present;
        }

        return profiles;
    }

    /// <summary>Splits a header into lower-case words at spaces, punctuation and camel-case boundaries
    /// (<c>ReviewID</c> gives review, id; <c>Food&amp;Beverages</c> gives food, beverages).</summary>
    internal static string[] SplitWords(string header)
    {
        var words = new List<string>();
        int start = -1;
        for (int i = 0; i <= header.Length; i++)
        {
            bool boundary = i == header.Length || !char.IsLetterOrDigit(header[i]);
            if (!boundary && start >= 0 && char.IsUpper(header[i]) && char.IsLower(header[i - 1]))
            {
                words.Add(header[start..i].ToLowerInvariant());
                start = i;
                continue;
            }

            if (boundary)
            {
                if (start >= 0)
                {
                    words.Add(header[start..i].ToLowerInvariant());
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return [.. words];
    }
}
