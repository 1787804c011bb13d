using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Stepwise.Mining.IO.Archives;

/// <summary>
/// CRC-32 as zip and gzip use it (IEEE 802.3, reflected polynomial 0xEDB88320), so that checking an archive entry
/// costs little next to inflating it: folded 64 bytes at a time with carry-less multiplication where the processor
/// has it (the method of Gopal et al., "Fast CRC Computation for Generic Polynomials Using PCLMULQDQ", Intel 2009,
/// with the constants of the bit-reflected gzip polynomial), else eight bytes at a time from tables (slicing-by-8).
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = Build();

    /// <summary>Extends a running CRC (start with 0) by <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        uint c = ~crc;
        if (Pclmulqdq.IsSupported && Sse41.IsSupported && data.Length >= 64)
        {
            int folded = data.Length & ~15;
            c = Fold(c, data[..folded]);
            data = data[folded..];
        }

        return ~Tables(c, data);
    }

    /// <summary>The table method alone (for checking the folded one).</summary>
    internal static uint AppendWithTables(uint crc, ReadOnlySpan<byte> data) => ~Tables(~crc, data);

    private static uint Tables(uint c, ReadOnlySpan<byte> data)
    {
        var t = Table;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            uint a = c ^ (uint)(data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
            uint b = (uint)(data[i + 4] | (data[i + 5] << 8) | (data[i + 6] << 16) | (data[i + 7] << 24));
            c = t[(7 * 256) + (a & 0xFF)] ^ t[(6 * 256) + ((a >> 8) & 0xFF)] ^ t[(5 * 256) + ((a >> 16) & 0xFF)] ^ t[(4 * 256) + (a >> 24)]
                ^ t[(3 * 256) + (b & 0xFF)] ^ t[(2 * 256) + ((b >> 8) & 0xFF)] ^ t[256 + ((b >> 16) & 0xFF)] ^ t[b >> 24];
        }

        for (; i < data.Length; i++)
        {
            c = t[(c ^ data[i]) & 0xFF] ^ (c >> 8);
        }

        return c;
    }

    /// <summary>Folds a multiple of 16 bytes, at least 64, into the (non-inverted) running value.</summary>
    private static uint Fold(uint crc, ReadOnlySpan<byte> data)
    {
        var k1k2 = Vector128.Create(0x0154442bd4UL, 0x01c6e41596UL);
        var k3k4 = Vector128.Create(0x01751997d0UL, 0x00ccaa009eUL);
        var k5k0 = Vector128.Create(0x0163cd6124UL, 0UL);
        var poly = Vector128.Create(0x01db710641UL, 0x01f7011641UL);
        var blocks = MemoryMarshal.Cast<byte, Vector128<ulong>>(data);

        var x1 = blocks[0] ^ Vector128.CreateScalar(crc).AsUInt64();
        var x2 = blocks[1];
        var x3 = blocks[2];
        var x4 = blocks[3];
        int b = 4;

        // Four lanes of 128 bits folded forward 512 bits at a time.
        for (; b + 4 <= blocks.Length; b += 4)
        {
            x1 = Pclmulqdq.CarrylessMultiply(x1, k1k2, 0x11) ^ Pclmulqdq.CarrylessMultiply(x1, k1k2, 0x00) ^ blocks[b];
            x2 = Pclmulqdq.CarrylessMultiply(x2, k1k2, 0x11) ^ Pclmulqdq.CarrylessMultiply(x2, k1k2, 0x00) ^ blocks[b + 1];
            x3 = Pclmulqdq.CarrylessMultiply(x3, k1k2, 0x11) ^ Pclmulqdq.CarrylessMultiply(x3, k1k2, 0x00) ^ blocks[b + 2];
            x4 = Pclmulqdq.CarrylessMultiply(x4, k1k2, 0x11) ^ Pclmulqdq.CarrylessMultiply(x4, k1k2, 0x00) ^ blocks[b + 3];
        }

        // Into one lane, then the remaining blocks of 16.
        x1 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x11) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x00) ^ x2;
        x1 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x11) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x00) ^ x3;
        x1 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x11) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x00) ^ x4;
        for (; b < blocks.Length; b++)
        {
            x1 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x11) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x00) ^ blocks[b];
        }

        // 128 bits to 64, then Barrett reduction to 32.
        var mask = Vector128.Create(0xFFFFFFFFu, 0u, 0xFFFFFFFFu, 0u).AsUInt64();
        x2 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x10);
        x1 = Sse2.ShiftRightLogical128BitLane(x1, 8) ^ x2;
        x2 = Sse2.ShiftRightLogical128BitLane(x1, 4);
        x1 = Pclmulqdq.CarrylessMultiply(x1 & mask, k5k0, 0x00) ^ x2;
        x2 = Pclmulqdq.CarrylessMultiply(x1 & mask, poly, 0x10);
        x2 = Pclmulqdq.CarrylessMultiply(x2 & mask, poly, 0x00);
        x1 ^= x2;
        return x1.AsUInt32().GetElement(1);
    }

    private static uint[] Build()
    {
        var table = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        for (int slice = 1; slice < 8; slice++)
        {
            for (int n = 0; n < 256; n++)
            {
                uint previous = table[((slice - 1) * 256) + n];
                table[(slice * 256) + n] = (previous >> 8) ^ table[previous & 0xFF];
            }
        }

        return table;
    }
}
