using Stepwise.Review.Artefacts;
using Stepwise.Review.Data;
using Stepwise.Review.Quality;
using Stepwise.Workbench.Survey;

namespace Stepwise.Workbench.Quality;

/// <summary>A feedback file imported into a quality review and analysed.</summary>
/// <param name="Analysis">The analysis kept in the review.</param>
/// <param name="Source">The data source: file, SHA-256, exact read options, who imported it when.</param>
/// <param name="Survey">Everything the survey analysis computed (for display; the review keeps <paramref name="Analysis"/>).</param>
/// <param name="NewImport">Whether the file was imported now (false when the same file, read the same way, already was).</param>
public sealed record SavedAnalysis(Versioned<QualityAnalysis> Analysis, DataSource Source, SurveyResult Survey, bool NewImport);
