namespace Stepwise.Mining.IO.Archives;

/// <summary>
/// CRC-32 as zip and gzip use it (IEEE 802.3, reflected polynomial 0xEDB88320), computed eight bytes at a time
/// (slicing-by-8) so that checking an archive entry costs little next to inflating it.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = Build();

    /// <summary>Extends a running CRC (start with 0) by <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var t = Table;
        uint c = ~crc;
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

        return ~c;
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
