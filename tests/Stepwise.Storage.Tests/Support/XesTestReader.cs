using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Stepwise.Mining;

namespace Stepwise.Storage.Testing;

/// <summary>
/// A small XES reader for the tests, independent of the engine's readers: it turns a real log into an
/// <see cref="EventLog"/> through <see cref="EventLogBuilder"/> (DTDs prohibited).
/// </summary>
internal static class XesTestReader
{
    public static EventLog Read(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        var builder = new EventLogBuilder();
        string? caseId = null;
        Dictionary<string, object?>? evt = null;
        int depth = -1;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.Name == "trace")
            {
                caseId = null;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.Name == "event")
            {
                evt = new Dictionary<string, object?>(StringComparer.Ordinal);
                depth = xml.Depth;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.Name == "event" && evt is not null)
            {
                var name = (string)evt["concept:name"]!;
                var time = (DateTimeOffset)evt["time:timestamp"]!;
                evt.TryGetValue("org:resource", out var resource);
                var rest = evt.Where(p => p.Key is not ("concept:name" or "time:timestamp" or "org:resource")).ToList();
                builder.Add(caseId!, name, time, (string?)resource, null, rest);
                evt = null;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.GetAttribute("key") is { } key && xml.GetAttribute("value") is { } value)
            {
                object parsed = xml.Name switch
                {
                    "date" => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture),
                    "int" => long.Parse(value, CultureInfo.InvariantCulture),
                    "float" => double.Parse(value, CultureInfo.InvariantCulture),
                    "boolean" => bool.Parse(value),
                    _ => value,
                };
                if (evt is not null && xml.Depth == depth + 1)
                {
                    evt[key] = parsed;
                }
                else if (evt is null && key == "concept:name" && xml.Depth == 2)
                {
                    caseId = value;
                }
            }
        }

        return builder.Build();
    }
}
