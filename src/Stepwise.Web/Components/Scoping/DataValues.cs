using Stepwise.Mining.Attributes;
using Stepwise.Mining.Time;
using Stepwise.Workbench.Analyses;

namespace Stepwise.Web.Components.Scoping;

/// <summary>
/// The values a scope can be built from, read from the review's latest event log as a whole (not only inside the
/// current scope, so a boundary can be widened again): its steps, its time span, and each case attribute with few
/// enough values to choose from, with the cases holding each value.
/// </summary>
/// <param name="File">The data file.</param>
/// <param name="Cases">Cases in the data.</param>
/// <param name="First">The first event's time.</param>
/// <param name="Last">The last event's time.</param>
/// <param name="Activities">The steps, by name.</param>
/// <param name="Attributes">Case attributes with at most <see cref="MaxValues"/> values, each value with its cases, most common first.</param>
public sealed record DataValues(string File, int Cases, DateTimeOffset First, DateTimeOffset Last, IReadOnlyList<string> Activities, IReadOnlyDictionary<string, IReadOnlyList<(string Value, int Cases)>> Attributes)
{
    /// <summary>Attributes with more distinct values than this are not offered as choices (ids, free text).</summary>
    public const int MaxValues = 40;

    /// <summary>The values of an opened review log.</summary>
    public static DataValues Of(ReviewLog opened)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var log = opened.Selection.Log;
        long first = long.MaxValue, last = long.MinValue;
        for (int c = 0; c < log.CaseCount; c++)
        {
            first = Math.Min(first, log.CaseStartTime(c));
            last = Math.Max(last, log.CaseEndTime(c));
        }

        var attributes = new SortedDictionary<string, IReadOnlyList<(string, int)>>(StringComparer.Ordinal);
        foreach (AttributeColumn column in log.CaseAttributes)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int c = 0; c < column.Count && counts.Count <= MaxValues; c++)
            {
                if (column.Format(c) is { Length: > 0 } value)
                {
                    counts[value] = counts.GetValueOrDefault(value) + 1;
                }
            }

            if (counts.Count is > 0 and <= MaxValues)
            {
                attributes[column.Name] = [.. counts.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).Select(x => (x.Key, x.Value))];
            }
        }

        return new DataValues(
            opened.Source.FileName,
            log.CaseCount,
            log.CaseCount == 0 ? DateTimeOffset.MinValue : Timestamp.ToDateTimeOffset(first),
            log.CaseCount == 0 ? DateTimeOffset.MinValue : Timestamp.ToDateTimeOffset(last),
            [.. log.ActivityNames.Order(StringComparer.OrdinalIgnoreCase)],
            attributes);
    }
}
