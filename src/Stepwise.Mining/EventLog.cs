using Stepwise.Mining.Attributes;
using Stepwise.Mining.Time;

namespace Stepwise.Mining;

/// <summary>
/// An event log in the engine's one canonical, columnar form.
/// <list type="bullet">
/// <item>Cases are contiguous: the events of case c are rows <c>CaseOffsets[c]</c> to <c>CaseOffsets[c+1]</c>-1.</item>
/// <item>Within a case, events are sorted by time (start time where known, else completion time), stable on
///   the order they were read in; cases are sorted by the time of their first event, stable likewise.</item>
/// <item>Activities and resources are dense integer ids into <see cref="ActivityNames"/> and
///   <see cref="ResourceNames"/>; a missing resource is -1.</item>
/// <item>Times are UTC ticks (<see cref="Time.Timestamp"/>); a start/complete lifecycle pair is one activity
///   instance whose start time is in <see cref="StartTimes"/> (<see cref="Timestamp.None"/> where unknown).</item>
/// </list>
/// The log is immutable; filters produce <see cref="LogView"/>s that select cases without copying.
/// </summary>
public sealed class EventLog
{
    private readonly string[] _caseIds;
    private readonly int[] _caseOffsets;
    private readonly int[] _activities;
    private readonly int[] _resources;
    private readonly long[] _times;
    private readonly long[]? _startTimes;
    private readonly int _eventCount;
    private Dictionary<string, int>? _caseIndex;

    private EventLog(
        string[] caseIds,
        int[] caseOffsets,
        int[] activities,
        int[] resources,
        long[] times,
        long[]? startTimes,
        NameTable activityNames,
        NameTable resourceNames,
        AttributeTable caseAttributes,
        AttributeTable eventAttributes,
        LogMetadata metadata,
        int eventCount)
    {
        _eventCount = eventCount;
        _caseIds = caseIds;
        _caseOffsets = caseOffsets;
        _activities = activities;
        _resources = resources;
        _times = times;
        _startTimes = startTimes;
        ActivityNames = activityNames;
        ResourceNames = resourceNames;
        CaseAttributes = caseAttributes;
        EventAttributes = eventAttributes;
        Metadata = metadata;
    }

    /// <summary>
    /// Creates a log from columns already in canonical order, checking every invariant (used when a stored log is
    /// loaded back, and by tests). Readers use the internal assembler, which establishes the order itself.
    /// </summary>
    /// <exception cref="ArgumentException">A column has the wrong length, an id is out of range, the case offsets
    /// are not monotone, a case is empty, a case id repeats, or events are out of time order.</exception>
    public static EventLog Create(
        string[] caseIds,
        int[] caseOffsets,
        int[] activities,
        int[] resources,
        long[] times,
        long[]? startTimes,
        NameTable activityNames,
        NameTable resourceNames,
        AttributeTable? caseAttributes = null,
        AttributeTable? eventAttributes = null,
        LogMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        ArgumentNullException.ThrowIfNull(caseOffsets);
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(activityNames);
        ArgumentNullException.ThrowIfNull(resourceNames);
        int events = activities.Length;
        if (caseOffsets.Length != caseIds.Length + 1 || caseOffsets[0] != 0 || caseOffsets[^1] != events)
        {
            throw new ArgumentException("Case offsets must start at 0, end at the event count and have one entry more than there are cases.", nameof(caseOffsets));
        }

        if (resources.Length != events || times.Length != events || (startTimes is not null && startTimes.Length != events))
        {
            throw new ArgumentException("Every event column must have one value per event.", nameof(resources));
        }

        var seen = new HashSet<string>(caseIds.Length, StringComparer.Ordinal);
        for (int c = 0; c < caseIds.Length; c++)
        {
            if (caseOffsets[c + 1] <= caseOffsets[c])
            {
                throw new ArgumentException($"Case '{caseIds[c]}' has no events or the offsets decrease.", nameof(caseOffsets));
            }

            if (!seen.Add(caseIds[c]))
            {
                throw new ArgumentException($"Case id '{caseIds[c]}' occurs twice.", nameof(caseIds));
            }

            for (int e = caseOffsets[c] + 1; e < caseOffsets[c + 1]; e++)
            {
                if (SortTime(times, startTimes, e) < SortTime(times, startTimes, e - 1))
                {
                    throw new ArgumentException($"Events of case '{caseIds[c]}' are not in time order.", nameof(times));
                }
            }
        }

        for (int e = 0; e < events; e++)
        {
            if ((uint)activities[e] >= (uint)activityNames.Count)
            {
                throw new ArgumentException($"Activity id {activities[e]} of event {e} is not in the activity table.", nameof(activities));
            }

            if (resources[e] < -1 || resources[e] >= resourceNames.Count)
            {
                throw new ArgumentException($"Resource id {resources[e]} of event {e} is not in the resource table.", nameof(resources));
            }

            if (times[e] == Timestamp.None)
            {
                throw new ArgumentException($"Event {e} has no timestamp.", nameof(times));
            }
        }

        caseAttributes ??= AttributeTable.Empty(caseIds.Length);
        eventAttributes ??= AttributeTable.Empty(events);
        if (caseAttributes.RowCount != caseIds.Length || eventAttributes.RowCount != events)
        {
            throw new ArgumentException("Attribute tables must have one row per case and per event.", nameof(caseAttributes));
        }

        return new EventLog(caseIds, caseOffsets, activities, resources, times, startTimes, activityNames, resourceNames, caseAttributes, eventAttributes, metadata ?? LogMetadata.Empty, events);
    }

    /// <summary>A log from columns already checked and in canonical order. The event columns may be longer than the
    /// event count (the last entry of <paramref name="caseOffsets"/>): a reader that filled columns sized to an upper
    /// bound hands them over as they are rather than copying them to the exact length.</summary>
    internal static EventLog CreateTrusted(
        string[] caseIds,
        int[] caseOffsets,
        int[] activities,
        int[] resources,
        long[] times,
        long[]? startTimes,
        NameTable activityNames,
        NameTable resourceNames,
        AttributeTable caseAttributes,
        AttributeTable eventAttributes,
        LogMetadata metadata)
        => new(caseIds, caseOffsets, activities, resources, times, startTimes, activityNames, resourceNames, caseAttributes, eventAttributes, metadata, caseOffsets[^1]);

    private static long SortTime(long[] times, long[]? starts, int e)
        => starts is not null && starts[e] != Timestamp.None ? starts[e] : times[e];

    /// <summary>Number of cases.</summary>
    public int CaseCount => _caseIds.Length;

    /// <summary>Number of events (activity instances).</summary>
    public int EventCount => _eventCount;

    /// <summary>The case id (e.g. ticket number) of each case.</summary>
    public IReadOnlyList<string> CaseIds => _caseIds;

    /// <summary>Row offsets of cases: case c spans rows <c>[CaseOffsets[c], CaseOffsets[c+1])</c>.</summary>
    public ReadOnlySpan<int> CaseOffsets => _caseOffsets;

    /// <summary>The activity id of each event.</summary>
    public ReadOnlySpan<int> Activities => _activities.AsSpan(0, _eventCount);

    /// <summary>The resource id of each event, -1 where none is recorded.</summary>
    public ReadOnlySpan<int> Resources => _resources.AsSpan(0, _eventCount);

    /// <summary>The completion time of each event (UTC ticks).</summary>
    public ReadOnlySpan<long> Times => _times.AsSpan(0, _eventCount);

    /// <summary>The start time of each event (UTC ticks, <see cref="Timestamp.None"/> where unknown); empty when
    /// the log has no start times at all.</summary>
    public ReadOnlySpan<long> StartTimes => _startTimes is null ? default : _startTimes.AsSpan(0, _eventCount);

    /// <summary>Whether any event has a start time.</summary>
    public bool HasStartTimes => _startTimes is not null;

    /// <summary>Activity names by id.</summary>
    public NameTable ActivityNames { get; }

    /// <summary>Resource names by id.</summary>
    public NameTable ResourceNames { get; }

    /// <summary>Attributes with one value per case.</summary>
    public AttributeTable CaseAttributes { get; }

    /// <summary>Attributes with one value per event.</summary>
    public AttributeTable EventAttributes { get; }

    /// <summary>Where the log came from and its declarations.</summary>
    public LogMetadata Metadata { get; }

    /// <summary>The first row of case <paramref name="caseIndex"/>.</summary>
    public int CaseStart(int caseIndex) => _caseOffsets[caseIndex];

    /// <summary>One past the last row of case <paramref name="caseIndex"/>.</summary>
    public int CaseEnd(int caseIndex) => _caseOffsets[caseIndex + 1];

    /// <summary>Number of events of case <paramref name="caseIndex"/>.</summary>
    public int CaseLength(int caseIndex) => _caseOffsets[caseIndex + 1] - _caseOffsets[caseIndex];

    /// <summary>The activity ids of one case, in order.</summary>
    public ReadOnlySpan<int> CaseActivities(int caseIndex)
        => _activities.AsSpan(_caseOffsets[caseIndex], _caseOffsets[caseIndex + 1] - _caseOffsets[caseIndex]);

    /// <summary>The start time of event <paramref name="row"/>, or <see cref="Timestamp.None"/>.</summary>
    public long StartTime(int row) => _startTimes is null ? Timestamp.None : _startTimes[row];

    /// <summary>The time an event is ordered by: its start time where known, else its completion time.</summary>
    public long OrderTime(int row) => SortTime(_times, _startTimes, row);

    /// <summary>When case <paramref name="caseIndex"/> began: the order time of its first event.</summary>
    public long CaseStartTime(int caseIndex) => OrderTime(_caseOffsets[caseIndex]);

    /// <summary>When case <paramref name="caseIndex"/> ended: the latest completion time of its events.</summary>
    public long CaseEndTime(int caseIndex)
    {
        // Completion times need not be monotone when events are ordered by start time; take the maximum.
        long end = long.MinValue;
        for (int e = _caseOffsets[caseIndex]; e < _caseOffsets[caseIndex + 1]; e++)
        {
            end = Math.Max(end, _times[e]);
        }

        return end;
    }

    /// <summary>The index of the case with id <paramref name="caseId"/>, or -1.</summary>
    public int IndexOfCase(string caseId)
    {
        var index = _caseIndex;
        if (index is null)
        {
            index = new Dictionary<string, int>(_caseIds.Length, StringComparer.Ordinal);
            for (int i = 0; i < _caseIds.Length; i++)
            {
                index[_caseIds[i]] = i;
            }

            _caseIndex = index;
        }

        return index.TryGetValue(caseId, out int c) ? c : -1;
    }

    /// <summary>The view of every case of this log.</summary>
    public LogView All => new(this, null);

    /// <summary>The case attribute named <paramref name="name"/>, or the event attribute of that name, or null.</summary>
    public AttributeColumn? FindAttribute(string name, out bool isCaseAttribute)
    {
        var column = CaseAttributes.Find(name);
        isCaseAttribute = column is not null;
        return column ?? EventAttributes.Find(name);
    }

}
