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
    private int _count;

    // A slot holds the hash, the id, where the key's bytes are and, for keys of up to 16 bytes (most ids and names),
    // the key itself: such a lookup touches one cache line and compares two words, never the arena.
    private struct Slot
    {
        public int Hash;
        public int Id;
        public int Start;
        public int Length;
        public ulong Key0;
        public ulong Key1;
    }

    private struct Entry
    {
        public int Start;
        public int Length;
    }

    /// <summary>Number of distinct values.</summary>
    public int Count => _count;

    /// <summary>The id of <paramref name="value"/>, adding it if new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Intern(ReadOnlySpan<byte> value)
    {
        int length = value.Length;
        if (length <= 16)
        {
            var (k0, k1) = ShortKey(value);
            int shortHash = ShortHash(k0, k1, length);
            var table = _slots;
            int m = table.Length - 1;
            int i = shortHash & m;
            while (true)
            {
                ref var s = ref table[i];
                if (s.Id < 0)
                {
                    return Add(value, shortHash, i, k0, k1);
                }

                if (s.Key0 == k0 && s.Key1 == k1 && s.Length == length)
                {
                    return s.Id;
                }

                i = (i + 1) & m;
            }
        }

        int hash = Hash(value);
        var slots = _slots;
        int mask = slots.Length - 1;
        int slot = hash & mask;
        while (true)
        {
            ref var s = ref slots[slot];
            if (s.Id < 0)
            {
                return Add(value, hash, slot, 0, 0);
            }

            if (s.Hash == hash && s.Length == length && _arena.AsSpan(s.Start, s.Length).SequenceEqual(value))
            {
                return s.Id;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>A key of up to 16 bytes as two little-endian words, zero-padded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong K0, ulong K1) ShortKey(ReadOnlySpan<byte> value)
    {
        ref byte start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(value);
        int length = value.Length;
        if (length >= 8)
        {
            ulong k0 = Unsafe.ReadUnaligned<ulong>(ref start);
            // Bytes 8..length-1: read the last eight bytes and shift out those already in k0.
            ulong k1 = length == 8 ? 0 : Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, length - 8)) >> ((16 - length) * 8);
            return (k0, k1);
        }

        ulong k = 0;
        for (int i = 0; i < length; i++)
        {
            k |= (ulong)Unsafe.Add(ref start, i) << (8 * i);
        }

        return (k, 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ShortHash(ulong k0, ulong k1, int length)
    {
        ulong h = ((k0 * 0x9E3779B97F4A7C15UL) ^ ulong.RotateLeft(k1 * 0xC2B2AE3D27D4EB4FUL, 31)) + (ulong)length;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return (int)h & int.MaxValue;
    }

    /// <summary>The hash a key is filed under (short keys hash their words).</summary>
    private static int SlotHash(ReadOnlySpan<byte> value)
    {
        if (value.Length <= 16)
        {
            var (k0, k1) = ShortKey(value);
            return ShortHash(k0, k1, value.Length);
        }

        return Hash(value);
    }

    /// <summary>The id of <paramref name="value"/>, or -1 when it has not been interned.</summary>
    public int Find(ReadOnlySpan<byte> value)
    {
        int hash = SlotHash(value);
        int mask = _slots.Length - 1;
        int slot = hash & mask;
        while (true)
        {
            var s = _slots[slot];
            if (s.Id < 0)
            {
                return -1;
            }

            if (s.Hash == hash && Bytes(s.Id).SequenceEqual(value))
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

    private int Add(ReadOnlySpan<byte> value, int hash, int slot, ulong key0, ulong key1)
    {
        int id = _count;
        if (id == _entries.Length)
        {
            Array.Resize(ref _entries, id * 2);
        }

        if (_arenaLength + value.Length > _arena.Length)
        {
            long size = Math.Max((long)_arena.Length * 2, (long)_arenaLength + value.Length);
            Array.Resize(ref _arena, (int)Math.Min(size, Array.MaxLength));
        }

        value.CopyTo(_arena.AsSpan(_arenaLength));
        _entries[id] = new Entry { Start = _arenaLength, Length = value.Length };
        _arenaLength += value.Length;
        _slots[slot] = new Slot { Hash = hash, Id = id, Start = _entries[id].Start, Length = value.Length, Key0 = key0, Key1 = key1 };
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
        foreach (var old in _slots)
        {
            if (old.Id < 0)
            {
                continue;
            }

            int slot = old.Hash & mask;
            while (slots[slot].Id >= 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = old;
        }

        _slots = slots;
    }

    private static Slot[] CreateSlots(int size)
    {
        var slots = new Slot[size];
        slots.AsSpan().Fill(new Slot { Hash = 0, Id = -1 });
        return slots;
    }
}
