namespace Stepwise.Web.Components.Shared;

/// <summary>
/// The notes of a table's rows said once each: a note every row shares is written once under the table; otherwise
/// each different note is numbered under the table and a row carries the number of its own (rows without a note carry
/// none). A repeated note on every row hides the figures it explains.
/// </summary>
public sealed class TableNotes
{
    private readonly int?[] _markers;

    private TableNotes(IReadOnlyList<string> distinct, int?[] markers, bool shared)
    {
        Distinct = distinct;
        _markers = markers;
        Shared = shared;
    }

    /// <summary>The different notes, in the order of the rows that first carry them.</summary>
    public IReadOnlyList<string> Distinct { get; }

    /// <summary>Whether every row carries the one note (it is then said once, without numbers).</summary>
    public bool Shared { get; }

    /// <summary>The notes of rows in order (null or blank: the row has none).</summary>
    public static TableNotes Of(IReadOnlyList<string?> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var distinct = new List<string>();
        var markers = new int?[notes.Count];
        for (int i = 0; i < notes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(notes[i]))
            {
                continue;
            }

            string note = notes[i]!.Trim();
            int at = distinct.IndexOf(note);
            if (at < 0)
            {
                distinct.Add(note);
                at = distinct.Count - 1;
            }

            markers[i] = at + 1;
        }

        bool shared = distinct.Count == 1 && markers.All(m => m == 1);
        return new TableNotes(distinct, shared ? new int?[notes.Count] : markers, shared);
    }

    /// <summary>The number of row <paramref name="row"/>'s note under the table; null when it has none or every row shares it.</summary>
    public int? MarkerOf(int row) => row >= 0 && row < _markers.Length ? _markers[row] : null;
}
