namespace Stepwise.Reports;

/// <summary>Where data in the report came from.</summary>
/// <param name="Name">The file or system (no folders).</param>
/// <param name="Description">What it holds (e.g. <c>4,580 cases, 21,348 events, 2010-01-13 to 2014-01-03</c>).</param>
/// <param name="Sha256">The SHA-256 of the file as imported, if known.</param>
/// <param name="Imported">When and by whom it was imported, if known.</param>
public sealed record DataSourceNote(string Name, string Description, string? Sha256 = null, string? Imported = null);
