namespace Stepwise.Mining.IO.Csv;

/// <summary>
/// The rows of one case-attribute column whose value differs from their case's first value: all of them counted,
/// and a few varied examples kept (at most one a case, each a pair of values not already shown).
/// </summary>
internal sealed class CaseAttributeConflicts(string name)
{
    /// <summary>How many examples a column keeps.</summary>
    public const int MaxExamples = 3;

    /// <summary>The case attribute (without a <c>case:</c> prefix).</summary>
    public string Name { get; } = name;

    /// <summary>Rows whose value differs from their case's first value.</summary>
    public long Rows { get; private set; }

    /// <summary>Cases with at least one such row.</summary>
    public int Cases { get; private set; }

    /// <summary>The examples kept, in case order.</summary>
    public List<ImportIssue> Examples { get; } = [];

    private readonly List<(int First, int Other)> _shown = [];

    /// <summary>Counts the <paramref name="rows"/> of one case that disagree with its first value, the first of
    /// them having <paramref name="other"/>; keeps it as an example while there is room and the pair is new.</summary>
    public void Add(string caseId, int rows, int first, int other, IReadOnlyList<string> values)
    {
        Rows += rows;
        Cases++;
        if (Examples.Count >= MaxExamples || _shown.Contains((first, other)))
        {
            return;
        }

        _shown.Add((first, other));
        string more = rows == 1 ? string.Empty : FormattableString.Invariant($" ({rows:N0} rows differ)");
        Examples.Add(new ImportIssue(null, null, Name, $"case '{caseId}' has '{values[first]}' first, then '{values[other]}'{more}."));
    }

    /// <summary>The warning for an import that kept each case's first value.</summary>
    public string Warning()
        => FormattableString.Invariant($"{Rows:N0} {(Rows == 1 ? "row gives" : "rows give")} the case attribute '{Name}' a value different from the case's first (in {CasesText(Cases)}); the first value was kept. For example {Examples[0].Message}");

    /// <summary>What the columns' conflicts add up to, column by column: "12 rows in 2 columns disagree with
    /// their case's first value: a 2, b 10".</summary>
    public static string Summary(IReadOnlyList<CaseAttributeConflicts> columns)
    {
        long rows = columns.Sum(c => c.Rows);
        string verb = rows == 1 ? "row disagrees with its" : "rows disagree with their";
        if (columns.Count == 1)
        {
            return FormattableString.Invariant($"{rows:N0} {verb} case's first value of the case attribute '{columns[0].Name}' (in {CasesText(columns[0].Cases)})");
        }

        return FormattableString.Invariant($"{rows:N0} {verb} case's first value in {columns.Count} case-attribute columns: {string.Join(", ", columns.Select(c => FormattableString.Invariant($"{c.Name} {c.Rows:N0}")))}");
    }

    /// <summary>The examples of all columns, taken in turn (the first of each column, then the second...), so that
    /// the first few shown cover every column.</summary>
    public static List<ImportIssue> Interleaved(IReadOnlyList<CaseAttributeConflicts> columns)
    {
        var result = new List<ImportIssue>();
        for (int i = 0; i < MaxExamples; i++)
        {
            foreach (var column in columns)
            {
                if (i < column.Examples.Count)
                {
                    result.Add(column.Examples[i]);
                }
            }
        }

        return result;
    }

    private static string CasesText(int cases) => cases == 1 ? "1 case" : FormattableString.Invariant($"{cases:N0} cases");
}
