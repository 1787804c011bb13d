using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Review.Common;

namespace Stepwise.Storage.Logs;

/// <summary>
/// Turns an <see cref="EventLog"/> into a manifest and byte columns, and back. Numbers are the engine's own arrays
/// as little-endian bytes (no per-event work beyond a copy), strings are length-prefixed UTF-8, null masks are
/// bitmaps. Both stores keep these columns cut into chunks, so a 1M-event log is a few dozen rows.
/// </summary>
public static class LogCodec
{
    /// <summary>The largest chunk a column is cut into.</summary>
    public const int ChunkBytes = 4 << 20;

    /// <summary>Encodes a log.</summary>
    public static (LogManifest Manifest, IReadOnlyList<LogColumn> Columns) Encode(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        RequireLittleEndian();
        var columns = new List<LogColumn>
        {
            new("case_ids", Strings(log.CaseIds)),
            new("case_offsets", Bytes(log.CaseOffsets)),
            new("activities", Bytes(log.Activities)),
            new("resources", Bytes(log.Resources)),
            new("times", Bytes(log.Times)),
            new("activity_names", Strings(log.ActivityNames)),
            new("resource_names", Strings(log.ResourceNames)),
        };
        if (log.HasStartTimes)
        {
            columns.Add(new("start_times", Bytes(log.StartTimes)));
        }

        var caseAttributes = EncodeAttributes("case", log.CaseAttributes, columns);
        var eventAttributes = EncodeAttributes("event", log.EventAttributes, columns);
        var manifest = new LogManifest
        {
            CaseCount = log.CaseCount,
            EventCount = log.EventCount,
            HasStartTimes = log.HasStartTimes,
            CaseAttributes = caseAttributes,
            EventAttributes = eventAttributes,
            Metadata = log.Metadata,
            Columns = columns.ToDictionary(c => c.Key, c => (long)c.Bytes.Length, StringComparer.Ordinal),
        };
        return (manifest, columns);
    }

    /// <summary>The manifest as JSON.</summary>
    public static string ManifestJson(LogManifest manifest) => JsonSerializer.Serialize(manifest, CanonicalJson.Options);

    /// <summary>Reads a manifest.</summary>
    /// <exception cref="InvalidDataException">The manifest is not valid or has an unknown layout.</exception>
    public static LogManifest ReadManifest(string json)
    {
        var manifest = CanonicalJson.Deserialize<LogManifest>(json, "stored log manifest");
        if (manifest.Layout != 1)
        {
            throw new InvalidDataException($"The stored log has layout {manifest.Layout}; this version of Stepwise reads layout 1.");
        }

        return manifest;
    }

    /// <summary>Rebuilds the log from its manifest and columns (whole, chunks already joined).</summary>
    /// <exception cref="InvalidDataException">A column is missing or has the wrong length.</exception>
    public static EventLog Decode(LogManifest manifest, IReadOnlyDictionary<string, byte[]> columns)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(columns);
        RequireLittleEndian();
        byte[] Column(string key) => columns.TryGetValue(key, out var bytes) ? bytes : throw new InvalidDataException($"The stored log has no column '{key}'.");

        string[] caseIds = ReadStrings(Column("case_ids"));
        var caseAttributes = new AttributeTable(manifest.CaseCount, DecodeAttributes("case", manifest.CaseAttributes, manifest.CaseCount, Column));
        var eventAttributes = new AttributeTable(manifest.EventCount, DecodeAttributes("event", manifest.EventAttributes, manifest.EventCount, Column));
        try
        {
            return EventLog.Create(
                caseIds,
                Values<int>(Column("case_offsets"), manifest.CaseCount + 1, "case_offsets"),
                Values<int>(Column("activities"), manifest.EventCount, "activities"),
                Values<int>(Column("resources"), manifest.EventCount, "resources"),
                Values<long>(Column("times"), manifest.EventCount, "times"),
                manifest.HasStartTimes ? Values<long>(Column("start_times"), manifest.EventCount, "start_times") : null,
                new NameTable(ReadStrings(Column("activity_names"))),
                new NameTable(ReadStrings(Column("resource_names"))),
                caseAttributes,
                eventAttributes,
                manifest.Metadata);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"The stored log is not consistent: {ex.Message}", ex);
        }
    }

    private static List<AttributeDescriptor> EncodeAttributes(string scope, AttributeTable table, List<LogColumn> columns)
    {
        var descriptors = new List<AttributeDescriptor>(table.Count);
        for (int i = 0; i < table.Count; i++)
        {
            var column = table[i];
            string key = $"{scope}/{i}/";
            bool hasNulls = false;
            switch (column)
            {
                case StringColumn text:
                    columns.Add(new(key + "codes", Bytes(text.Codes)));
                    columns.Add(new(key + "dictionary", Strings(text.Values)));
                    break;
                case IntegerColumn integers:
                    columns.Add(new(key + "values", Bytes(integers.Values)));
                    hasNulls = AddNulls(key, integers.Nulls, columns);
                    break;
                case FloatColumn floats:
                    columns.Add(new(key + "values", Bytes(floats.Values)));
                    hasNulls = AddNulls(key, floats.Nulls, columns);
                    break;
                case BooleanColumn booleans:
                    columns.Add(new(key + "values", Bytes(booleans.Values)));
                    hasNulls = AddNulls(key, booleans.Nulls, columns);
                    break;
                case TimestampColumn times:
                    columns.Add(new(key + "values", Bytes(times.Values)));
                    hasNulls = AddNulls(key, times.Nulls, columns);
                    break;
                default:
                    throw new NotSupportedException($"Attribute column '{column.Name}' of type {column.GetType().Name} cannot be stored.");
            }

            descriptors.Add(new AttributeDescriptor(column.Name, column.Kind, hasNulls));
        }

        return descriptors;
    }

    private static bool AddNulls(string key, NullMask? nulls, List<LogColumn> columns)
    {
        if (nulls is null)
        {
            return false;
        }

        var bits = new byte[(nulls.Length + 7) >> 3];
        for (int row = 0; row < nulls.Length; row++)
        {
            if (nulls.IsNull(row))
            {
                bits[row >> 3] |= (byte)(1 << (row & 7));
            }
        }

        columns.Add(new(key + "nulls", bits));
        return true;
    }

    private static IEnumerable<AttributeColumn> DecodeAttributes(string scope, IReadOnlyList<AttributeDescriptor> descriptors, int rows, Func<string, byte[]> column)
    {
        for (int i = 0; i < descriptors.Count; i++)
        {
            var d = descriptors[i];
            string key = $"{scope}/{i}/";
            NullMask? nulls = d.HasNulls ? ReadNulls(column(key + "nulls"), rows, key) : null;
            yield return d.Kind switch
            {
                AttributeKind.String => Text(d.Name, Values<int>(column(key + "codes"), rows, key + "codes"), new NameTable(ReadStrings(column(key + "dictionary")))),
                AttributeKind.Integer => new IntegerColumn(d.Name, Values<long>(column(key + "values"), rows, key), nulls),
                AttributeKind.Float => new FloatColumn(d.Name, Values<double>(column(key + "values"), rows, key), nulls),
                AttributeKind.Boolean => new BooleanColumn(d.Name, Booleans(column(key + "values"), rows, key), nulls),
                AttributeKind.Timestamp => new TimestampColumn(d.Name, Values<long>(column(key + "values"), rows, key), nulls),
                _ => throw new InvalidDataException($"Stored attribute '{d.Name}' has unknown type {d.Kind}."),
            };
        }
    }

    /// <summary>
    /// A checked string column. The public constructor currently leaves the column's row count at 0; gathering
    /// every row gives a column whose count is right, at the cost of one copy of the codes.
    /// </summary>
    private static StringColumn Text(string name, int[] codes, NameTable values)
    {
        var column = new StringColumn(name, codes, values);
        if (column.Count == codes.Length)
        {
            return column;
        }

        var all = new int[codes.Length];
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = i;
        }

        return (StringColumn)column.Gather(all);
    }

    private static NullMask ReadNulls(byte[] bits, int rows, string key)
    {
        if (bits.Length != (rows + 7) >> 3)
        {
            throw new InvalidDataException($"The null mask '{key}nulls' has {bits.Length} bytes; {(rows + 7) >> 3} expected.");
        }

        var mask = new NullMask(rows);
        for (int row = 0; row < rows; row++)
        {
            if ((bits[row >> 3] & (1 << (row & 7))) != 0)
            {
                mask.SetNull(row);
            }
        }

        return mask;
    }

    private static ReadOnlyMemory<byte> Bytes<T>(ReadOnlySpan<T> values)
        where T : unmanaged
        => MemoryMarshal.AsBytes(values).ToArray();

    private static T[] Values<T>(byte[] bytes, int count, string key)
        where T : unmanaged
    {
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (bytes.Length != (long)count * size)
        {
            throw new InvalidDataException($"Stored column '{key}' has {bytes.Length} bytes; {(long)count * size} expected for {count} values.");
        }

        var values = new T[count];
        bytes.AsSpan().CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    private static bool[] Booleans(byte[] bytes, int count, string key)
    {
        if (bytes.Length != count)
        {
            throw new InvalidDataException($"Stored column '{key}' has {bytes.Length} bytes; {count} expected.");
        }

        var values = new bool[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = bytes[i] != 0;
        }

        return values;
    }

    private static ReadOnlyMemory<byte> Strings(IReadOnlyList<string> strings)
    {
        int total = 4;
        for (int i = 0; i < strings.Count; i++)
        {
            total += 4 + Encoding.UTF8.GetByteCount(strings[i]);
        }

        var bytes = new byte[total];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, strings.Count);
        int at = 4;
        for (int i = 0; i < strings.Count; i++)
        {
            int length = Encoding.UTF8.GetBytes(strings[i], bytes.AsSpan(at + 4));
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), length);
            at += 4 + length;
        }

        return bytes;
    }

    private static string[] ReadStrings(byte[] bytes)
    {
        if (bytes.Length < 4)
        {
            throw new InvalidDataException("A stored string column is truncated.");
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var strings = new string[count];
        int at = 4;
        for (int i = 0; i < count; i++)
        {
            int length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
            strings[i] = Encoding.UTF8.GetString(bytes, at + 4, length);
            at += 4 + length;
        }

        return at == bytes.Length ? strings : throw new InvalidDataException("A stored string column has bytes after its last string.");
    }

    private static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Stored logs are little-endian; this machine is big-endian.");
        }
    }
}
