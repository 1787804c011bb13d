namespace Stepwise.Mining.Attributes;

/// <summary>A bitmap of null positions, one bit per row; a set bit means the value is missing.</summary>
public sealed class NullMask
{
    private readonly ulong[] _bits;

    /// <summary>Creates a mask for <paramref name="length"/> rows with no nulls.</summary>
    public NullMask(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        _bits = new ulong[(length + 63) >> 6];
    }

    /// <summary>Number of rows covered.</summary>
    public int Length { get; }

    /// <summary>Whether row <paramref name="index"/> is null.</summary>
    public bool IsNull(int index) => (_bits[index >> 6] & (1UL << index)) != 0;

    /// <summary>Marks row <paramref name="index"/> as null.</summary>
    public void SetNull(int index) => _bits[index >> 6] |= 1UL << index;

    /// <summary>Marks row <paramref name="index"/> as present.</summary>
    public void SetPresent(int index) => _bits[index >> 6] &= ~(1UL << index);

    /// <summary>Number of null rows.</summary>
    public int CountNulls()
    {
        int n = 0;
        foreach (var word in _bits)
        {
            n += System.Numerics.BitOperations.PopCount(word);
        }

        return n;
    }

    /// <summary>A mask whose row i is this mask's row <c>order[i]</c>.</summary>
    public NullMask Gather(ReadOnlySpan<int> order)
    {
        var result = new NullMask(order.Length);
        for (int i = 0; i < order.Length; i++)
        {
            if (IsNull(order[i]))
            {
                result.SetNull(i);
            }
        }

        return result;
    }
}
