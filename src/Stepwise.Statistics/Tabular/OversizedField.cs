namespace Stepwise.Statistics.Tabular;

/// <summary>A value longer than the limit for one value: it was not read (its field is empty in the record).</summary>
/// <param name="Record">The index of the record in <see cref="DelimitedTable.Records"/>.</param>
/// <param name="Line">The line of the file on which the record starts.</param>
/// <param name="Column">The column's name in the header (or <c>#n</c> beyond it).</param>
/// <param name="Problem">What is wrong, for the user.</param>
public sealed record OversizedField(int Record, int Line, string Column, string Problem);
