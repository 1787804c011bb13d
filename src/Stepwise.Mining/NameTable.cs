namespace Stepwise.Mining;

/// <summary>
/// An immutable list of distinct names (activities, resources, attribute values) indexed by dense integer ids,
/// with lookup from name to id.
/// </summary>
public sealed class NameTable : IReadOnlyList<string>
{
    private readonly string[] _names;
    private readonly Dictionary<string, int> _ids;

    /// <summary>Creates a table; names must be distinct.</summary>
    /// <exception cref="ArgumentException">A name occurs twice or is null.</exception>
    public NameTable(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = [.. names];
        _ids = new Dictionary<string, int>(_names.Length, StringComparer.Ordinal);
        for (int i = 0; i < _names.Length; i++)
        {
            if (_names[i] is null)
            {
                throw new ArgumentException("A name is null.", nameof(names));
            }

            if (!_ids.TryAdd(_names[i], i))
            {
                throw new ArgumentException($"The name '{_names[i]}' occurs twice.", nameof(names));
            }
        }
    }

    /// <summary>An empty table.</summary>
    public static NameTable Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _names.Length;

    /// <inheritdoc />
    public string this[int id] => _names[id];

    /// <summary>The id of <paramref name="name"/>, or -1.</summary>
    public int IdOf(string name) => _ids.TryGetValue(name, out int id) ? id : -1;

    /// <summary>Whether <paramref name="name"/> is in the table.</summary>
    public bool Contains(string name) => _ids.ContainsKey(name);

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_names).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => _names.GetEnumerator();
}
