namespace Stepwise.Simulation.Engine;

/// <summary>What a scheduled event does.</summary>
internal enum EventKind : byte
{
    Arrival,
    DelayDone,
    StepDone,
    Abandon,
    ShiftChange,
    Horizon,
}

/// <summary>A scheduled event; a value type so that scheduling never allocates.</summary>
internal struct ScheduledEvent
{
    public double Time;
    public long Sequence;
    public long Token;
    public int Slot;
    public int Generation;
    public int PathIndex;
    public int Assignment;
    public EventKind Kind;
}

/// <summary>
/// The future-event list: a binary min-heap on (time, sequence) in one growing array, so events at the same instant
/// run in the order they were scheduled and a run is reproducible.
/// </summary>
internal sealed class EventQueue
{
    private ScheduledEvent[] _heap = new ScheduledEvent[256];
    private long _sequence;

    public int Count { get; private set; }

    public void Push(ScheduledEvent item)
    {
        item.Sequence = _sequence++;
        if (Count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        var heap = _heap;
        int i = Count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Before(in item, in heap[parent]))
            {
                break;
            }

            heap[i] = heap[parent];
            i = parent;
        }

        heap[i] = item;
    }

    public ScheduledEvent Pop()
    {
        var heap = _heap;
        var top = heap[0];
        int n = --Count;
        if (n > 0)
        {
            var last = heap[n];
            int i = 0;
            while (true)
            {
                int child = (2 * i) + 1;
                if (child >= n)
                {
                    break;
                }

                if (child + 1 < n && Before(in heap[child + 1], in heap[child]))
                {
                    child++;
                }

                if (!Before(in heap[child], in last))
                {
                    break;
                }

                heap[i] = heap[child];
                i = child;
            }

            heap[i] = last;
        }

        return top;
    }

    public void Clear()
    {
        Count = 0;
        _sequence = 0;
    }

    private static bool Before(in ScheduledEvent a, in ScheduledEvent b)
        => a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);
}
