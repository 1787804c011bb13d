using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Monitoring.Kpis;

namespace Stepwise.Monitoring.Measures;

/// <summary>Reads first-contact resolution from a log by the strongest method it allows (see <see cref="FirstContactOptions"/>).</summary>
internal static class FirstContactReader
{
    /// <summary>The method the logs allow.</summary>
    /// <exception cref="MonitorOptionException">An attribute named in the options is not in a log.</exception>
    public static FirstContactMethod Method(IReadOnlyList<EventLog> logs, FirstContactOptions options, string handoverBy)
    {
        if (options.Attribute is { } attribute)
        {
            Require(logs, attribute, nameof(FirstContactOptions.Attribute));
            return FirstContactMethod.Attribute;
        }

        if (options.CustomerAttribute is { } customer)
        {
            Require(logs, customer, nameof(FirstContactOptions.CustomerAttribute));
            return FirstContactMethod.NoRepeatContact;
        }

        return options.HandlerProxy && logs.All(l => AttributeCodes.Exists(l, handoverBy) && HasParticipants(l, handoverBy))
            ? FirstContactMethod.OneHandlerNoRework
            : FirstContactMethod.None;
    }

    /// <summary>Resolution by log case index for the attribute and repeat-contact methods; null for the others.</summary>
    public static double[]? ByCase(EventLog log, FirstContactOptions options, FirstContactMethod method) => method switch
    {
        FirstContactMethod.Attribute => FromAttribute(log, options.Attribute!, options.ResolvedValues),
        FirstContactMethod.NoRepeatContact => NoRepeat(log, options.CustomerAttribute!, options.RepeatWindow),
        _ => null,
    };

    /// <summary>How the method is described to the reader.</summary>
    public static string Describe(FirstContactMethod method, FirstContactOptions options) => method switch
    {
        FirstContactMethod.Attribute => $"First-contact resolution: cases whose '{options.Attribute}' is {string.Join(" or ", options.ResolvedValues)}.",
        FirstContactMethod.NoRepeatContact => $"First-contact resolution: cases after which the customer ('{options.CustomerAttribute}') opened no other case within {options.RepeatWindow.TotalDays:0.#} days of the case's end (cases ending less than that before the log ends are left out).",
        FirstContactMethod.OneHandlerNoRework => "First-contact resolution (proxy): cases handled by one participant throughout with no step repeated; give a customer attribute or an attribute recording it for a direct measure.",
        _ => "First-contact resolution is not measured: the log records no such attribute, no customer and no participants.",
    };

    private static void Require(IReadOnlyList<EventLog> logs, string attribute, string field)
    {
        foreach (var log in logs)
        {
            if (!AttributeCodes.Exists(log, attribute))
            {
                throw new MonitorOptionException(field, $"The log has no attribute '{attribute}'; it has: {string.Join(", ", log.CaseAttributes.Select(a => a.Name).Concat(log.EventAttributes.Select(a => a.Name)).Append("org:resource"))}.");
            }
        }
    }

    private static bool HasParticipants(EventLog log, string attribute)
    {
        var (codes, _) = AttributeCodes.ForEvents(log, attribute);
        return codes.Any(c => c >= 0);
    }

    private static double[] FromAttribute(EventLog log, string attribute, IReadOnlyList<string> resolved)
    {
        var (codes, values) = AttributeCodes.ForCases(log, attribute);
        var set = new HashSet<string>(resolved, StringComparer.OrdinalIgnoreCase);
        var yes = values.Select(v => set.Contains(v.Trim())).ToArray();
        var result = new double[log.CaseCount];
        for (int c = 0; c < result.Length; c++)
        {
            result[c] = codes[c] < 0 ? double.NaN : (yes[codes[c]] ? 1 : 0);
        }

        return result;
    }

    /// <summary>1 where no case of the same customer starts from the case's start to the window after its end, 0 where
    /// one does, NaN without a customer or when the window reaches past the log's last event.</summary>
    private static double[] NoRepeat(EventLog log, string attribute, TimeSpan window)
    {
        var (codes, _) = AttributeCodes.ForCases(log, attribute);
        var result = new double[log.CaseCount];
        Array.Fill(result, double.NaN);
        long logEnd = long.MinValue;
        for (int c = 0; c < log.CaseCount; c++)
        {
            logEnd = Math.Max(logEnd, log.CaseEndTime(c));
        }

        var order = Enumerable.Range(0, log.CaseCount).Where(c => codes[c] >= 0)
            .OrderBy(c => codes[c]).ThenBy(log.CaseStartTime).ThenBy(c => c).ToArray();
        for (int k = 0; k < order.Length; k++)
        {
            int c = order[k];
            long limit = log.CaseEndTime(c) + window.Ticks;
            bool repeat = k + 1 < order.Length && codes[order[k + 1]] == codes[c] && log.CaseStartTime(order[k + 1]) <= limit;
            result[c] = repeat ? 0 : (limit > logEnd ? double.NaN : 1);
        }

        return result;
    }
}
