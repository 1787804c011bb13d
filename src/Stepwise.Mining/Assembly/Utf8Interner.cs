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
    private Entry[] _entries = new Entry[64];
    private Slot[] _slots = CreateSlots(128);

    // For case ids: the slots of the values interned last, one per hash (direct-mapped, 16 KiB). The events of a log
    // that is in time order mostly belong to the few cases open at that time, so most lookups end here, in the
    // processor's nearest cache, instead of at a slot of a table of megabytes.
    private readonly Slot[]? _recent;
    private const int RecentSize = 1024;
    private int _count;

    // A slot is sixteen bytes: the id, a tag and, for keys of up to eight bytes (most case ids, codes and short
    // names), the key itself, so that such a lookup touches one cache line and compares two words, never the arena.
    // The tag is the hash with its low four bits replaced by the key's length (15 for a longer key, whose bytes are
    // compared in the arena on a tag match); slots are indexed by the hash bits above those four. Half the size of a
    // slot holding 16-byte keys: a chunk of a large file holds hundreds of thousands of case ids.
    private struct Slot
    {
        public int Id;
        public int Tag;
        public ulong Key;
    }

    private struct Entry
    {
        public int Start;
        public int Length;
    }

    private const int LongKey = 15;

    /// <summary>An empty interner.</summary>
    public Utf8Interner()
    {
    }

    /// <summary>An empty interner that remembers the slots of the values interned last (for case ids, whose table
    /// grows large while the events of a stretch of a log belong to few of them).</summary>
    public Utf8Interner(bool remembersRecent)
    {
        if (remembersRecent)
        {
            _recent = new Slot[RecentSize];
            for (int i = 0; i < RecentSize; i++)
            {
                _recent[i].Tag = -1;
            }
        }
    }

    /// <summary>An empty interner with room for <paramref name="values"/> values of <paramref name="bytes"/> bytes
    /// in all, so that filling it allocates once (no table outgrown and left behind).</summary>
    public Utf8Interner(int values, long bytes)
    {
        _arena = new byte[Math.Max(4096, (int)Math.Min(bytes, Array.MaxLength))];
        _entries = new Entry[Math.Max(64, values)];
        _slots = CreateSlots(SlotsFor(values));
    }

    /// <summary>Number of distinct values.</summary>
    public int Count => _count;

    /// <summary>Bytes of all distinct values together.</summary>
    public long ByteCount => _arenaLength;

    /// <summary>The id of <paramref name="value"/>, adding it if new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Intern(ReadOnlySpan<byte> value)
    {
        int length = value.Length;
        if (length <= 8)
        {
            ulong key = ShortKey(value);
            int shortTag = (Mix(key) & ~LongKey) | length;
            if (_recent is { } recent)
            {
                ref var r = ref recent[(shortTag >> 4) & (RecentSize - 1)];
                if (r.Key == key && r.Tag == shortTag)
                {
                    return r.Id;
                }

                int id = InternShort(value, key, shortTag);
                r = new Slot { Id = id, Tag = shortTag, Key = key };
                return id;
            }

            return InternShort(value, key, shortTag);
        }

        return length <= 16 ? InternMedium(value) : InternLong(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int InternShort(ReadOnlySpan<byte> value, ulong key, int shortTag)
    {
        var table = _slots;
        int m = table.Length - 1;
        int i = (shortTag >> 4) & m;
        while (true)
        {
            ref var s = ref table[i];
            if (s.Id < 0)
            {
                return Add(value, shortTag, i, key);
            }

            if (s.Key == key && s.Tag == shortTag)
            {
                return s.Id;
            }

            i = (i + 1) & m;
        }
    }

    /// <summary>A key of 9 to 16 bytes (most names of activities, resources and teams, many case ids): compared
    /// with the stored value as two words (overlapping), without a loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int InternMedium(ReadOnlySpan<byte> value)
    {
        int length = value.Length;
        ref byte start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(value);
        ulong head = Unsafe.ReadUnaligned<ulong>(ref start);
        ulong tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, length - 8));
        int tag = Hash(value) | LongKey;
        if (_recent is { } recent)
        {
            ref var r = ref recent[(tag >> 4) & (RecentSize - 1)];
            if (r.Tag == tag && SameMedium(r.Id, length, head, tail))
            {
                return r.Id;
            }

            int id = InternWide(value, tag, head, tail);
            r = new Slot { Id = id, Tag = tag };
            return id;
        }

        return InternWide(value, tag, head, tail);
    }

    /// <summary>The id of a key of more than 8 bytes filed under <paramref name="tag"/>, adding it if new; a key of
    /// up to 16 bytes is compared by its first and last eight bytes (<paramref name="head"/>, <paramref name="tail"/>),
    /// a longer one byte by byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int InternWide(ReadOnlySpan<byte> value, int tag, ulong head, ulong tail)
    {
        var slots = _slots;
        int mask = slots.Length - 1;
        int slot = (tag >> 4) & mask;
        while (true)
        {
            ref var s = ref slots[slot];
            if (s.Id < 0)
            {
                return Add(value, tag, slot, 0);
            }

            if (s.Tag == tag && (value.Length <= 16 ? SameMedium(s.Id, value.Length, head, tail) : Bytes(s.Id).SequenceEqual(value)))
            {
                return s.Id;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Whether the value with id <paramref name="id"/> is the key of 9 to 16 bytes whose first and last
    /// eight bytes are <paramref name="head"/> and <paramref name="tail"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool SameMedium(int id, int length, ulong head, ulong tail)
    {
        var entry = _entries[id];
        if (entry.Length != length)
        {
            return false;
        }

        ref byte stored = ref _arena[entry.Start];
        return Unsafe.ReadUnaligned<ulong>(ref stored) == head && Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref stored, length - 8)) == tail;
    }

    private int InternLong(ReadOnlySpan<byte> value) => InternWide(value, Hash(value) | LongKey, 0, 0);

    /// <summary>A key of up to 8 bytes as a little-endian word, zero-padded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ShortKey(ReadOnlySpan<byte> value)
    {
        ref byte start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(value);
        int length = value.Length;
        if (length == 8)
        {
            return Unsafe.ReadUnaligned<ulong>(ref start);
        }

        if (length >= 4)
        {
            // Bytes 0..3 and length-4..length-1 (overlapping), the second shifted into place.
            ulong low = Unsafe.ReadUnaligned<uint>(ref start);
            ulong high = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, length - 4));
            return low | (high << ((length - 4) * 8));
        }

        ulong k = 0;
        for (int i = 0; i < length; i++)
        {
            k |= (ulong)Unsafe.Add(ref start, i) << (8 * i);
        }

        return k;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Mix(ulong k)
    {
        ulong h = k * 0x9E3779B97F4A7C15UL;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return (int)h & int.MaxValue;
    }

    /// <summary>The tag a key is filed under.</summary>
    internal static int TagOf(ReadOnlySpan<byte> value)
        => value.Length <= 8 ? (Mix(ShortKey(value)) & ~LongKey) | value.Length : Hash(value) | LongKey;

    /// <summary>The id of <paramref name="value"/>, or -1 when it has not been interned.</summary>
    public int Find(ReadOnlySpan<byte> value)
    {
        int tag = TagOf(value);
        int mask = _slots.Length - 1;
        int slot = (tag >> 4) & mask;
        while (true)
        {
            var s = _slots[slot];
            if (s.Id < 0)
            {
                return -1;
            }

            if (s.Tag == tag && Bytes(s.Id).SequenceEqual(value))
            {
                return s.Id;
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
    public ReadOnlySpan<byte> Bytes(int id) => _arena.AsSpan(_entries[id].Start, _entries[id].Length);

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
    internal static int Hash(ReadOnlySpan<byte> value)
    {
        // Multiply-rotate over 8-byte words, the last word read overlapping the previous one, then the
        // MurmurHash3 finaliser so that every input bit reaches the low bits used to pick a slot (ids such as
        // C0000123 differ only in their last bytes).
        const ulong K1 = 0x9E3779B97F4A7C15UL;
        const ulong K2 = 0xC2B2AE3D27D4EB4FUL;
        ref byte start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(value);
        int length = value.Length;
        ulong h = (ulong)length * K2;
        if (length >= 8)
        {
            int i = 0;
            for (; i + 8 < length; i += 8)
            {
                h = ulong.RotateLeft((h ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i))) * K1, 31);
            }

            h = ulong.RotateLeft((h ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, length - 8))) * K1, 31);
        }
        else
        {
            ulong tail = 0;
            for (int i = 0; i < length; i++)
            {
                tail |= (ulong)Unsafe.Add(ref start, i) << (8 * i);
            }

            h = ulong.RotateLeft((h ^ tail) * K1, 31);
        }

        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return (int)h & int.MaxValue;
    }

    private int Add(ReadOnlySpan<byte> value, int tag, int slot, ulong key)
    {
        int id = _count;
        if (id == _entries.Length)
        {
            _entries = Grown(_entries, id * 2);
        }

        if (_arenaLength + value.Length > _arena.Length)
        {
            long size = Math.Max((long)_arena.Length * 2, (long)_arenaLength + value.Length);
            _arena = Grown(_arena, (int)Math.Min(size, Array.MaxLength));
        }

        value.CopyTo(_arena.AsSpan(_arenaLength));
        _entries[id] = new Entry { Start = _arenaLength, Length = value.Length };
        _arenaLength += value.Length;
        _slots[slot] = new Slot { Id = id, Tag = tag, Key = key };
        _count++;
        if (_count > MaxLoad(_slots.Length))
        {
            Rehash();
        }

        return id;
    }

    private void Rehash()
    {
        var slots = CreateSlots(_slots.Length * 2);
        int mask = slots.Length - 1;
        foreach (var old in _slots)
        {
            if (old.Id < 0)
            {
                continue;
            }

            int slot = (old.Tag >> 4) & mask;
            while (slots[slot].Id >= 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = old;
        }

        _slots = slots;
    }

    // Up to three quarters full: with the hash's well-mixed low bits, linear probing stays short, and a table of many
    // distinct values (case ids) costs two thirds of what half-full tables would.
    private static int MaxLoad(int slots) => (int)(slots * 3L / 4);

    private static int SlotsFor(int values)
    {
        int slots = 128;
        while (values > MaxLoad(slots))
        {
            slots *= 2;
        }

        return slots;
    }

    /// <summary>
    /// A copy of <paramref name="array"/> <paramref name="size"/> long. (The framework's resize, generic over this
    /// struct or bytes, would be compiled on first use at every start.)
    /// </summary>
    private static T[] Grown<T>(T[] array, int size)
    {
        var grown = new T[size];
        Array.Copy(array, grown, array.Length);
        return grown;
    }

    /// <summary><paramref name="count"/> empty interners.</summary>
    public static Utf8Interner[] Many(int count)
    {
        var interners = new Utf8Interner[count];
        for (int i = 0; i < count; i++)
        {
            interners[i] = new Utf8Interner();
        }

        return interners;
    }

    private static Slot[] CreateSlots(int size)
    {
        // A plain loop: the framework's fill, generic over this struct, would be compiled on first use at every start.
        var slots = new Slot[size];
        for (int i = 0; i < slots.Length; i++)
        {
            slots[i].Id = -1;
        }

        return slots;
    }
}
