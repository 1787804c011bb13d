namespace Stepwise.Simulation.Engine;

/// <summary>Work waiting for a pool.</summary>
internal struct WaitingWork
{
    public double Since;
    public long Token;
    public int Slot;
    public int Generation;
    public int PathIndex;
    public int Assignment;
}

/// <summary>A first-in first-out line of waiting work in a growing ring buffer (no allocation once grown).</summary>
internal sealed class WaitingLine
{
    private WaitingWork[] _items = new WaitingWork[16];
    private int _head;

    public int Count { get; private set; }

    public void Enqueue(in WaitingWork item)
    {
        if (Count == _items.Length)
        {
            var bigger = new WaitingWork[_items.Length * 2];
            for (int i = 0; i < Count; i++)
            {
                bigger[i] = _items[(_head + i) % _items.Length];
            }

            _items = bigger;
            _head = 0;
        }

        _items[(_head + Count) % _items.Length] = item;
        Count++;
    }

    public WaitingWork Dequeue()
    {
        var item = _items[_head];
        _head = (_head + 1) % _items.Length;
        Count--;
        return item;
    }

    public void Clear()
    {
        _head = 0;
        Count = 0;
    }
}
