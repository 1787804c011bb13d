using System.Globalization;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Analyses;

namespace Stepwise.Cli.Commands;

/// <summary>Renders what an analysis of a review's data was computed on: data source, hash, scope version, filter, measure.</summary>
internal static class ReviewBasis
{
    public static ResultRecord Record(AnalysisBasis basis) => new ResultRecord("basis", "Computed on")
        .Add("data_source", basis.DataSourceId.ToString("D"))
        .Add("data_file", basis.DataFile)
        .Add("data_sha256", basis.DataSha256)
        .Add("scope_version", basis.ScopeVersion, CellKind.Integer)
        .Add("scope", basis.Scope)
        .Add("filter", basis.Filter)
        .Add("durations", basis.Measure)
        .Add("cases_in_data", basis.CasesInData, CellKind.Integer)
        .Add("cases_in_scope", basis.CasesInScope, CellKind.Integer)
        .Add("cases", basis.Cases, CellKind.Integer);

    /// <summary>A note for a table: the cases and the data they come from.</summary>
    public static string Note(AnalysisBasis basis) => string.Create(CultureInfo.InvariantCulture, $"Review data {basis.DataFile} (sha256 {basis.DataSha256[..12]}), scope version {basis.ScopeVersion?.ToString(CultureInfo.InvariantCulture) ?? "none"}: {basis.Cases:N0} of {basis.CasesInData:N0} cases.");
}
