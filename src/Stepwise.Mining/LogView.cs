namespace Stepwise.Mining;

/// <summary>
/// A selection of the cases of an <see cref="EventLog"/>, made by filters without copying events. Every analysis
/// takes a view; an <see cref="EventLog"/> converts to the view of all its cases.
/// </summary>
public sealed class LogView
{
    private readonly int[]? _cases;
    private int _eventCount = -1;

    /// <summary>Creates a view of <paramref name="log"/> holding the cases in <paramref name="cases"/>
    /// (ascending case indices), or all cases when <paramref name="cases"/> is null.</summary>
    /// <exception cref="ArgumentException">The indices are not strictly ascending or out of range.</exception>
    public LogView(EventLog log, int[]? cases)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (cases is not null)
        {
            for (int i = 0; i < cases.Length; i++)
            {
                if ((uint)cases[i] >= (uint)log.CaseCount || (i > 0 && cases[i] <= cases[i - 1]))
                {
                    throw new ArgumentException("Case indices of a view must be ascending and within the log.", nameof(cases));
                }
            }
        }

        Log = log;
        _cases = cases;
    }

    private LogView(EventLog log, int[] cases, bool trusted)
    {
        _ = trusted;
        Log = log;
        _cases = cases;
    }

    /// <summary>The log this view selects from.</summary>
    public EventLog Log { get; }

    /// <summary>Whether the view holds every case of the log.</summary>
    public bool IsAll => _cases is null;

    /// <summary>Number of cases in the view.</summary>
    public int CaseCount => _cases?.Length ?? Log.CaseCount;

    /// <summary>Number of events in the cases of the view.</summary>
    public int EventCount
    {
        get
        {
            if (_eventCount < 0)
            {
                if (_cases is null)
                {
                    _eventCount = Log.EventCount;
                }
                else
                {
                    int n = 0;
                    foreach (int c in _cases)
                    {
                        n += Log.CaseLength(c);
                    }

                    _eventCount = n;
                }
            }

            return _eventCount;
        }
    }

    /// <summary>The log's index of the <paramref name="i"/>-th case of the view.</summary>
    public int CaseAt(int i) => _cases is null ? i : _cases[i];

    /// <summary>The case indices of the view, materialised (all indices when the view holds every case).</summary>
    public int[] CaseIndices()
    {
        if (_cases is not null)
        {
            return _cases;
        }

        var all = new int[Log.CaseCount];
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = i;
        }

        return all;
    }

    /// <summary>A view of the cases of this view for which <paramref name="keep"/> holds (given the log's case index).</summary>
    public LogView Where(Func<int, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var kept = new List<int>(CaseCount);
        int n = CaseCount;
        for (int i = 0; i < n; i++)
        {
            int c = CaseAt(i);
            if (keep(c))
            {
                kept.Add(c);
            }
        }

        return new LogView(Log, [.. kept], true);
    }

    /// <summary>The view of the given log cases, which must be ascending.</summary>
    internal static LogView FromSorted(EventLog log, int[] cases) => new(log, cases, true);

    /// <summary>The view of all cases of <paramref name="log"/>.</summary>
    public static implicit operator LogView(EventLog log) => new(log, null);
}
