using Stepwise.Mining.Assembly;
using Stepwise.Mining.Time;

namespace Stepwise.Mining;

/// <summary>
/// Builds an <see cref="EventLog"/> one event at a time, in any order; <see cref="Build"/> groups events by case
/// and sorts them by time (stable on the order they were added). For tests, generators and small imports; the
/// file readers take a faster path to the same result.
/// </summary>
public sealed class EventLogBuilder
{
    private readonly List<string> _caseIds = [];
    private readonly Dictionary<string, int> _caseIndex = new(StringComparer.Ordinal);
    private readonly List<int> _caseOf = [];
    private readonly List<int> _activities = [];
    private readonly List<int> _resources = [];
    private readonly List<long> _times = [];
    private readonly List<long> _starts = [];
    private readonly Dictionary<string, int> _activityIds = new(StringComparer.Ordinal);
    private readonly List<string> _activityNames = [];
    private readonly Dictionary<string, int> _resourceIds = new(StringComparer.Ordinal);
    private readonly List<string> _resourceNames = [];
    private readonly Dictionary<string, ColumnBuilder> _eventColumns = new(StringComparer.Ordinal);
    private readonly List<ColumnBuilder> _eventColumnOrder = [];
    private readonly Dictionary<string, ColumnBuilder> _caseColumns = new(StringComparer.Ordinal);
    private readonly List<ColumnBuilder> _caseColumnOrder = [];
    private bool _anyStart;

    /// <summary>Metadata given to the built log.</summary>
    public LogMetadata Metadata { get; set; } = LogMetadata.Empty;

    /// <summary>Number of events added so far.</summary>
    public int EventCount => _activities.Count;

    /// <summary>Adds one event.</summary>
    /// <param name="caseId">The case the event belongs to.</param>
    /// <param name="activity">The activity name.</param>
    /// <param name="time">The completion time, converted to UTC.</param>
    /// <param name="resource">Who performed it, or null.</param>
    /// <param name="start">The start time, or null when unknown.</param>
    /// <param name="attributes">Event attributes (string, integer, floating-point, boolean or date values; null for missing).</param>
    /// <exception cref="ArgumentException">The start is after the completion, or a name is empty.</exception>
    public EventLogBuilder Add(string caseId, string activity, DateTimeOffset time, string? resource = null, DateTimeOffset? start = null, IEnumerable<KeyValuePair<string, object?>>? attributes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        ArgumentException.ThrowIfNullOrEmpty(activity);
        if (start is { } s && s > time)
        {
            throw new ArgumentException($"Event '{activity}' of case '{caseId}' starts ({s:O}) after it completes ({time:O}).", nameof(start));
        }

        int row = _activities.Count;
        if (!_caseIndex.TryGetValue(caseId, out int c))
        {
            c = _caseIds.Count;
            _caseIndex.Add(caseId, c);
            _caseIds.Add(caseId);
        }

        _caseOf.Add(c);
        _activities.Add(Intern(activity, _activityIds, _activityNames));
        _resources.Add(resource is null ? -1 : Intern(resource, _resourceIds, _resourceNames));
        _times.Add(time.UtcTicks);
        _starts.Add(start?.UtcTicks ?? Timestamp.None);
        _anyStart |= start is not null;
        if (attributes is not null)
        {
            foreach (var (key, value) in attributes)
            {
                Column(_eventColumns, _eventColumnOrder, key).SetObject(row, value);
            }
        }

        return this;
    }

    /// <summary>Sets an attribute of a case; the case is created if it has no events yet (it must get some).</summary>
    public EventLogBuilder SetCaseAttribute(string caseId, string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        if (!_caseIndex.TryGetValue(caseId, out int c))
        {
            c = _caseIds.Count;
            _caseIndex.Add(caseId, c);
            _caseIds.Add(caseId);
        }

        Column(_caseColumns, _caseColumnOrder, name).SetObject(c, value);
        return this;
    }

    /// <summary>Builds the log.</summary>
    /// <exception cref="InvalidOperationException">A case was given attributes but no events.</exception>
    public EventLog Build()
    {
        var counts = new int[_caseIds.Count];
        foreach (int c in _caseOf)
        {
            counts[c]++;
        }

        int empty = Array.IndexOf(counts, 0);
        if (empty >= 0)
        {
            throw new InvalidOperationException($"Case '{_caseIds[empty]}' has attributes but no events.");
        }

        var raw = new RawLog
        {
            CaseIds = [.. _caseIds],
            Segments = RawLog.One([.. _caseOf], [.. _activities], [.. _resources], [.. _times], _anyStart ? [.. _starts] : null),
            ActivityNames = new NameTable(_activityNames),
            ResourceNames = new NameTable(_resourceNames),
            EventColumns = [.. _eventColumnOrder.Select(b => b.Build(_activities.Count))],
            CaseColumns = [.. _caseColumnOrder.Select(b => b.Build(_caseIds.Count))],
            Metadata = Metadata,
        };
        return LogAssembler.Assemble(raw, IO.LifecycleHandling.Events, out _, out _);
    }

    private static int Intern(string name, Dictionary<string, int> ids, List<string> names)
    {
        if (!ids.TryGetValue(name, out int id))
        {
            id = names.Count;
            ids.Add(name, id);
            names.Add(name);
        }

        return id;
    }

    private static ColumnBuilder Column(Dictionary<string, ColumnBuilder> columns, List<ColumnBuilder> order, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!columns.TryGetValue(name, out var builder))
        {
            builder = new ColumnBuilder(name);
            columns.Add(name, builder);
            order.Add(builder);
        }

        return builder;
    }
}
