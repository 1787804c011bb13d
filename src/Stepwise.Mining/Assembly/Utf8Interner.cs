using System.Runtime.CompilerServices;
using System.Text;

namespace Stepwise.Mining.Assembly;

/// <summary>
/// Assigns dense ids to distinct UTF-8 byte strings without creating a .NET string for a value seen before:
/// an open-addressing hash table over an append-only byte arena. Strings are created once per distinct value,
/// when the table is turned into a <see cref="NameTable"/>. Not thread-safe: one per parsing thread.
/// </summary>
internal sealed class Utf8Interner
{
    private byte[] _arena = new byte[4096];
    private int _arenaLength;
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private int[] _hashes = new int[64];
    private int[] _slots = CreateSlots(128);
    private int _count;

    /// <summary>Number of distinct values.</summary>
    public int Count => _count;

    /// <summary>The id of <paramref name="value"/>, adding it if new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Intern(ReadOnlySpan<byte> value)
    {
        int hash = Hash(value);
        int mask = _slots.Length - 1;
        int slot = hash & mask;
        while (true)
        {
            int id = _slots[slot];
            if (id < 0)
            {
                return Add(value, hash, slot);
            }

            if (_hashes[id] == hash && _arena.AsSpan(_starts[id], _lengths[id]).SequenceEqual(value))
            {
                return id;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>The id of <paramref name="value"/>, or -1 when it has not been interned.</summary>
    public int Find(ReadOnlySpan<byte> value)
    {
        int hash = Hash(value);
        int mask = _slots.Length - 1;
        int slot = hash & mask;
        while (true)
        {
            int id = _slots[slot];
            if (id < 0)
            {
                return -1;
            }

            if (_hashes[id] == hash && _arena.AsSpan(_starts[id], _lengths[id]).SequenceEqual(value))
            {
                return id;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>The id of <paramref name="value"/>, adding it if new.</summary>
    public int Intern(string value)
    {
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max <= 512)
        {
            Span<byte> buffer = stackalloc byte[max];
            int n = Encoding.UTF8.GetBytes(value, buffer);
            return Intern(buffer[..n]);
        }

        return Intern(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>The bytes of the value with id <paramref name="id"/>.</summary>
    public ReadOnlySpan<byte> Bytes(int id) => _arena.AsSpan(_starts[id], _lengths[id]);

    /// <summary>The value with id <paramref name="id"/> as a string (allocates).</summary>
    public string GetString(int id) => Encoding.UTF8.GetString(Bytes(id));

    /// <summary>All values, by id, as strings.</summary>
    public string[] ToStrings()
    {
        var result = new string[_count];
        for (int i = 0; i < _count; i++)
        {
            result[i] = GetString(i);
        }

        return result;
    }

    /// <summary>All values as a <see cref="NameTable"/> (ids preserved).</summary>
    public NameTable ToNameTable() => new(ToStrings());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> value)
    {
        // FNV-1a over 8-byte words: fast for the short values (names, ids) that dominate event logs.
        ulong h = 14695981039346656037UL;
        int i = 0;
        while (i + 8 <= value.Length)
        {
            h = (h ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.AsRef(in value[i]))) * 1099511628211UL;
            h ^= h >> 29;
            i += 8;
        }

        while (i < value.Length)
        {
            h = (h ^ value[i]) * 1099511628211UL;
            i++;
        }

        h ^= h >> 32;
        return (int)h & int.MaxValue;
    }

    private int Add(ReadOnlySpan<byte> value, int hash, int slot)
    {
        int id = _count;
        if (id == _starts.Length)
        {
            Array.Resize(ref _starts, id * 2);
            Array.Resize(ref _lengths, id * 2);
            Array.Resize(ref _hashes, id * 2);
        }

        if (_arenaLength + value.Length > _arena.Length)
        {
            long size = Math.Max((long)_arena.Length * 2, (long)_arenaLength + value.Length);
            Array.Resize(ref _arena, (int)Math.Min(size, Array.MaxLength));
        }

        value.CopyTo(_arena.AsSpan(_arenaLength));
        _starts[id] = _arenaLength;
        _lengths[id] = value.Length;
        _hashes[id] = hash;
        _arenaLength += value.Length;
        _slots[slot] = id;
        _count++;
        if (_count * 2 > _slots.Length)
        {
            Rehash();
        }

        return id;
    }

    private void Rehash()
    {
        var slots = CreateSlots(_slots.Length * 2);
        int mask = slots.Length - 1;
        for (int id = 0; id < _count; id++)
        {
            int slot = _hashes[id] & mask;
            while (slots[slot] >= 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = id;
        }

        _slots = slots;
    }

    private static int[] CreateSlots(int size)
    {
        var slots = new int[size];
        slots.AsSpan().Fill(-1);
        return slots;
    }
}
