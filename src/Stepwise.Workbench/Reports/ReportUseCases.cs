using System.Globalization;
using System.Text;
using Stepwise.Review.Access;
using Stepwise.Review.History;
using Stepwise.Review.Reviews;
using Stepwise.Reports;
using Stepwise.Reports.Html;
using Stepwise.Reports.Pdf;
using Stepwise.Reports.Pptx;
using Stepwise.Reports.Xlsx;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Reports;

/// <summary>
/// Reports from a review for each audience (senior managers, team leaders, front-line staff, other departments and
/// partners, analysts, the evidence map) in HTML, PDF, XLSX or PPTX. Anyone who may read the review may make its
/// reports, with personal data redacted and response and customer ids pseudonymised; leaving personal data in is for
/// owners, and is recorded in the review's history with who made which report. The same review and request give the
/// same report: its date is the day of the review's last change, never the clock.
/// </summary>
public sealed class ReportUseCases
{
    private readonly Workbench _bench;

    internal ReportUseCases(Workbench bench) => _bench = bench;

    /// <summary>The report as a file.</summary>
    public ReportFile Build(Actor actor, Guid reviewId, ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = Document(actor, reviewId, request);
        var format = request.ParsedFormat;
        byte[] content = format switch
        {
            ReportFormat.Html => Encoding.UTF8.GetBytes(HtmlReport.Render(document)),
            ReportFormat.Pdf => PdfReport.Render(document),
            ReportFormat.Xlsx => XlsxReport.Render(document),
            _ => PptxReport.Render(document),
        };
        string fileName = FileName(_bench.Reviews.Get(actor, reviewId).Title, request, format);
        if (request.IncludePersonalData)
        {
            _bench.Workspace.RecordReport(reviewId, $"{Name(request.ParsedAudience)} report ({format.ToString().ToLowerInvariant()})", fileName, actor.DisplayName);
        }

        return new ReportFile(content, fileName, MediaType(format), request.ParsedAudience, format, request.IncludePersonalData);
    }

    /// <summary>The report before it is written in a format (for hosts that show it on a page). Personal data is
    /// redacted by every format; a host that shows the document itself must apply <c>ReportRedaction</c>.</summary>
    public ReportDocument Document(Actor actor, Guid reviewId, ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var role = _bench.Guard.Require(actor, reviewId, Permission.Read);
        request.Validate().ThrowIfAny();
        if (request.IncludePersonalData && !AccessRules.Allows(role, Permission.IncludePersonalData))
        {
            throw StepwiseException.Forbidden($"Only an owner of the review may leave personal data in a report; {actor.DisplayName} may make it without (leave out --include-personal-data).");
        }

        var audience = request.ParsedAudience;
        var entry = _bench.Store.FindReview(reviewId)!;
        var date = ReportDate(reviewId);
        if (entry.Type == ReviewType.Quality)
        {
            var q = _bench.Quality.Show(actor, reviewId);
            var names = q.Stakeholders.Select(s => s.Value.Name).Concat(q.Members.Select(m => m.DisplayName));
            var x = new ReportContext(reviewId, q.Plan.Value.Title, date, request.IncludePersonalData, names);
            RequireNoHandover(request);
            return audience switch
            {
                ReportAudience.SeniorManagers => QualityPacks.SeniorManagers(q, x),
                ReportAudience.TeamLeaders => QualityPacks.TeamLeaders(q, x, request.Team),
                ReportAudience.FrontLineStaff => QualityPacks.FrontLine(q, x),
                ReportAudience.Partners => QualityPacks.Partners(q, x, request.Partner),
                ReportAudience.Analysts => QualityPacks.Analysts(q, x),
                _ => x.Document($"{q.Plan.Value.Title}: evidence map", "Learners and assessors", [EvidenceMap.Section(EvidenceMap.Of(q))], QualityPacks.Sources(q)),
            };
        }

        var c = _bench.Reviews.Show(actor, reviewId);
        var people = c.Stakeholders.Select(s => s.Stakeholder.Value.Name)
            .Concat(c.Members.Select(m => m.DisplayName))
            .Concat(c.Questions.SelectMany(qu => qu.Answers.Select(a => a.Stakeholder)));
        var context = new ReportContext(reviewId, c.Review.Title, date, request.IncludePersonalData, people, request.IncludePersonalData ? [] : Resources(c));
        var f = new ProcessFacts(_bench, actor, c, context, null);
        return audience switch
        {
            ReportAudience.SeniorManagers => ProcessPacks.SeniorManagers(f),
            ReportAudience.TeamLeaders => ProcessPacks.TeamLeaders(f, request.Team),
            ReportAudience.FrontLineStaff => ProcessPacks.FrontLine(f),
            ReportAudience.Partners => ProcessPacks.Partners(f, request.Partner, request.HandoverBy),
            ReportAudience.Analysts => ProcessPacks.Analysts(f),
            _ => context.Document($"{c.Review.Title}: evidence map", "Learners and assessors", [EvidenceMap.Section(EvidenceMap.Of(c))], f.Sources()),
        };
    }

    /// <summary>The evidence map of a review: each criterion of the unit it serves with its evidence.</summary>
    public IReadOnlyList<EvidenceLine> Evidence(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return _bench.Store.FindReview(reviewId)!.Type == ReviewType.Quality
            ? EvidenceMap.Of(_bench.Quality.Show(actor, reviewId))
            : EvidenceMap.Of(_bench.Reviews.Show(actor, reviewId));
    }

    /// <summary>The media type of a format.</summary>
    public static string MediaType(ReportFormat format) => format switch
    {
        ReportFormat.Html => "text/html; charset=utf-8",
        ReportFormat.Pdf => "application/pdf",
        ReportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    };

    /// <summary>An audience as typed (<c>senior-managers</c>).</summary>
    public static string Name(ReportAudience audience) => Validation.Kebab(audience.ToString());

    /// <summary>The people who did the work in the review's event logs (the values of <c>org:resource</c>), whose names
    /// the reports replace with pseudonyms. A value that is also a step or a value of another event attribute (a log
    /// whose every attribute holds "Value 3") names no one in particular, and replacing it would rename teams and
    /// steps too, so it is left.</summary>
    private List<string> Resources(Stepwise.Workbench.Reviews.ReviewContents contents)
    {
        var people = new List<string>();
        foreach (var d in contents.DataSources.Where(d => d.Source.Kind == Stepwise.Review.Data.DataSourceKind.EventLog))
        {
            var log = _bench.Data.Load(d.Source.Id, CancellationToken.None);
            if (!Stepwise.Mining.Attributes.AttributeCodes.Exists(log, "org:resource"))
            {
                continue;
            }

            var others = new HashSet<string>(StringComparer.Ordinal);
            for (int a = 0; a < log.ActivityNames.Count; a++)
            {
                others.Add(log.ActivityNames[a]);
            }

            foreach (var column in log.EventAttributes.Where(c => c.Name != "org:resource"))
            {
                var (_, values) = Stepwise.Mining.Attributes.AttributeCodes.ForEvents(log, column.Name);
                for (int i = 0; i < values.Count; i++)
                {
                    others.Add(values[i]);
                }
            }

            var (_, names) = Stepwise.Mining.Attributes.AttributeCodes.ForEvents(log, "org:resource");
            for (int i = 0; i < names.Count; i++)
            {
                if (!others.Contains(names[i]))
                {
                    people.Add(names[i]);
                }
            }
        }

        return people;
    }

    private static void RequireNoHandover(ReportRequest request)
    {
        if (request.HandoverBy is not null)
        {
            throw StepwiseException.Invalid("handover_by", "a quality review has no event log to find hand-overs in.");
        }
    }

    /// <summary>The day of the review's last recorded change (reports made are not changes), so the same review gives
    /// the same report whenever it is made.</summary>
    private DateOnly ReportDate(Guid reviewId)
    {
        var last = _bench.Workspace.History(reviewId).Where(h => h.Action != HistoryAction.Reported).Select(h => h.At).DefaultIfEmpty(_bench.Store.FindReview(reviewId)!.CreatedAt).Max();
        return DateOnly.FromDateTime(last.UtcDateTime);
    }

    private static string FileName(string title, ReportRequest request, ReportFormat format)
    {
        var parts = new List<string> { Slug(title), Name(request.ParsedAudience) };
        if (request.Team is { } team)
        {
            parts.Add(Slug(team));
        }

        if (request.Partner is { } partner)
        {
            parts.Add(Slug(partner));
        }

        return string.Join("-", parts.Where(p => p.Length > 0)) + "." + format.ToString().ToLowerInvariant();
    }

    private static string Slug(string text)
    {
        var b = new StringBuilder();
        foreach (char ch in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                b.Append(char.ToLowerInvariant(ch));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark && b.Length > 0 && b[^1] != '-')
            {
                b.Append('-');
            }
        }

        string slug = b.ToString().Trim('-');
        return slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }
}
