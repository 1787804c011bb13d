namespace Stepwise.Review.Common;

/// <summary>
/// Where new ids come from. The domain never invents ids itself (no ambient randomness): the composition root
/// passes a source, e.g. version-7 GUIDs stamped with the workspace clock, and tests pass a counter.
/// </summary>
public interface IIdSource
{
    /// <summary>A new id, different from every id this source gave before.</summary>
    Guid Next();
}

/// <summary>Ids 00000000-0000-0000-0000-000000000001, ...2, ... in order: deterministic ids for tests and demos.</summary>
public sealed class SequentialIds(long start = 1) : IIdSource
{
    private long _next = start;

    /// <inheritdoc />
    public Guid Next()
    {
        long n = Interlocked.Increment(ref _next) - 1;
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes[8..], n);
        return new Guid(bytes, bigEndian: true);
    }
}
