namespace Stepwise.Monitoring.Measures;

/// <summary>The values of the mix attribute across both periods (and both logs), as shared ids.</summary>
internal sealed class StrataTable
{
    /// <summary>The name of cases without a value.</summary>
    public const string NoValue = "(none)";

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    /// <summary>The names by id.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The id of <paramref name="name"/>, added when new.</summary>
    public int IdOf(string? name)
    {
        name ??= NoValue;
        if (!_ids.TryGetValue(name, out int id))
        {
            id = _names.Count;
            _ids.Add(name, id);
            _names.Add(name);
        }

        return id;
    }
}
