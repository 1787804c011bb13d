namespace Stepwise.Statistics.Sampling;

/// <summary>An attribute of the units of a sampling frame (channel, team, variant, agent), as codes into labels; -1 is missing.</summary>
/// <param name="Name">The attribute's name.</param>
/// <param name="Labels">Its distinct values in order of first appearance.</param>
/// <param name="Codes">One code per unit.</param>
public sealed record FrameAttribute(string Name, IReadOnlyList<string> Labels, IReadOnlyList<int> Codes)
{
    /// <summary>Encodes string values (null or empty = missing).</summary>
    public static FrameAttribute FromValues(string name, IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new int[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            string? v = values[i];
            if (string.IsNullOrEmpty(v))
            {
                codes[i] = -1;
                continue;
            }

            if (!labels.TryGetValue(v, out int code))
            {
                code = labels.Count;
                labels.Add(v, code);
            }

            codes[i] = code;
        }

        return new FrameAttribute(name, [.. labels.OrderBy(kv => kv.Value).Select(kv => kv.Key)], codes);
    }
}
