using System.Text;
using System.Text.Json;

namespace Stepwise.Simulation.Model;

/// <summary>
/// Where each field of a model or scenario file is written: its path (<c>activities[2].duration</c>,
/// <c>[0].changes[1].pool</c>, names always after a dot) to the line and column of the text the user wrote, so that a
/// problem found after reading (a value out of range, a step the model lacks) points to the line of that file, YAML or
/// JSON.
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, (long Line, long Column)> _positions = new(StringComparer.Ordinal);

    /// <summary>Records where <paramref name="path"/> is written (the first record wins: a field's name comes before its
    /// value).</summary>
    public void Add(string path, long line, long column) => _positions.TryAdd(path, (line, column));

    /// <summary>Where <paramref name="path"/> (or, when it is not written, the nearest field containing it) is written.</summary>
    public (long Line, long Column)? Find(string? path)
    {
        string? p = path is null ? null : Normalise(path);
        while (p is not null)
        {
            if (_positions.TryGetValue(p, out var at))
            {
                return at;
            }

            p = Parent(p);
        }

        return _positions.TryGetValue(string.Empty, out var root) ? root : null;
    }

    /// <summary>A path in the serializer's form (<c>$['a b'][0].c</c>) in this map's form (<c>a b[0].c</c>).</summary>
    public static string Normalise(string path)
    {
        var text = new StringBuilder(path.Length);
        int i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                int end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(path, i + 2, end - i - 2);
                i = end + 2;
            }
            else if (path[i] == '.' && text.Length == 0)
            {
                i++;
            }
            else
            {
                text.Append(path[i]);
                i++;
            }
        }

        return text.ToString();
    }

    /// <summary>The field containing <paramref name="path"/>, or null for the root.</summary>
    public static string? Parent(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }

    /// <summary>The positions of the fields of a JSON text (1-based lines and columns).</summary>
    public static SourceMap FromJson(string text)
    {
        var map = new SourceMap();
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        (long, long) At(long offset)
        {
            int line = lineStarts.BinarySearch((int)offset);
            line = line >= 0 ? line : ~line - 1;
            return (line + 1, offset - lineStarts[line] + 1);
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

        // The path of each open container and, for arrays, the next index.
        var stack = new Stack<(string Path, bool IsArray, int Index)>();
        string? pendingName = null;
        try
        {
            while (reader.Read())
            {
                string Here()
                {
                    if (stack.Count == 0)
                    {
                        return string.Empty;
                    }

                    var (path, isArray, index) = stack.Peek();
                    return isArray ? $"{path}[{index}]" : path.Length == 0 ? pendingName ?? string.Empty : $"{path}.{pendingName}";
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingName = reader.GetString();
                        var (l, c) = At(reader.TokenStartIndex);
                        map.Add(Here(), l, c);
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        {
                            string path = Here();
                            var (line, column) = At(reader.TokenStartIndex);
                            map.Add(path, line, column);
                            Advance(stack);
                            stack.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
                            break;
                        }

                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.Pop();
                        break;
                    default:
                        {
                            var (line, column) = At(reader.TokenStartIndex);
                            map.Add(Here(), line, column);
                            Advance(stack);
                            break;
                        }
                }
            }
        }
        catch (JsonException)
        {
            // A broken file is reported by the reader itself, with its line.
        }

        return map;
    }

    private static void Advance(Stack<(string Path, bool IsArray, int Index)> stack)
    {
        if (stack.Count > 0 && stack.Peek().IsArray)
        {
            var top = stack.Pop();
            stack.Push((top.Path, true, top.Index + 1));
        }
    }
}
