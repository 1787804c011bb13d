using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Stepwise.Charts;
using Stepwise.Review.Planning;
using Stepwise.Reports;
using Stepwise.Reports.Privacy;
using Stepwise.Text.Privacy;

namespace Stepwise.Workbench.Reports;

/// <summary>
/// What every pack of one report shares: the review's id and title, the report's date (the day of the review's last
/// recorded change, so the same review gives the same report), whether personal data stays in, the names to redact,
/// the pseudonyms of response and customer ids, and those of the people who did the work (the event log's resources,
/// "Resource 12"), which replace their names in every text of every pack unless personal data stays in.
/// </summary>
internal sealed class ReportContext
{
    private readonly Pseudonymiser _pseudonyms;

    public ReportContext(Guid reviewId, string title, DateOnly date, bool includePersonalData, IEnumerable<string> knownNames, IEnumerable<string>? resources = null)
    {
        ReviewId = reviewId;
        Title = title;
        Date = date;
        IncludePersonalData = includePersonalData;
        KnownNames = [.. knownNames.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        // Keyed by the review, so the same id gets the same pseudonym in every report of this review and a different
        // one in another review's reports; the key is not secret, so the pseudonyms hide ids from readers of the
        // report, not from someone who holds the data and the review.
        _pseudonyms = new Pseudonymiser(SHA256.HashData(Encoding.UTF8.GetBytes("stepwise-report:" + reviewId.ToString("D"))));
        // Numbered in the order of their keyed hashes, so a resource's number says nothing of its name's place in the
        // alphabet, and stays the same in every report of the review.
        People = new PeoplePseudonyms((resources ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal)
            .OrderBy(_pseudonyms.Hash, StringComparer.Ordinal).ThenBy(r => r, StringComparer.Ordinal));
    }

    /// <summary>The pseudonyms of the people who did the work (the event log's resources).</summary>
    public PeoplePseudonyms People { get; }

    public Guid ReviewId { get; }

    public string Title { get; }

    public DateOnly Date { get; }

    public bool IncludePersonalData { get; }

    public IReadOnlyList<string> KnownNames { get; }

    /// <summary>A response or customer id as shown: itself when personal data stays in, else its pseudonym.</summary>
    public string Id(string id) => IncludePersonalData ? id : _pseudonyms.Pseudonym(id);

    /// <summary>Free text as shown: redacted unless personal data stays in (names of the review's people included).</summary>
    public string Clean(string text) => IncludePersonalData ? text : new Redactor(KnownNames).Redact(text).Text;

    /// <summary>A document with the context's settings; unless personal data stays in, every name of a person who did
    /// the work (a resource of the log) is replaced by its pseudonym in every text, whatever built the text (a stored
    /// question names the person it asks about).</summary>
    public ReportDocument Document(string title, string audience, IReadOnlyList<ReportSection> sections, IReadOnlyList<DataSourceNote> sources, string? subtitle = null)
    {
        var document = new ReportDocument
        {
            Title = title,
            Subtitle = subtitle ?? Title,
            Audience = audience,
            Date = Date,
            Sections = sections,
            Sources = sources,
            IncludePersonalData = IncludePersonalData,
            KnownNames = KnownNames,
        };
        return IncludePersonalData ? document : People.Apply(document);
    }

    /// <summary>The report's date as the reader sees it stated: "as at 1 December 2026".</summary>
    public string AsAt => "as at " + Day(Date);

    /// <summary>The heading of the column of days overdue, with the date they are counted to.</summary>
    public string OverdueHeading => $"Days overdue at {Date:yyyy-MM-dd}";

    /// <summary>Whole days a task or action that is not done is past its due date on the report's date; 0 when it is
    /// done, or not yet due (due on the report's date is not overdue).</summary>
    public int DaysOverdue(DateOnly due, PlanTaskStatus status) => status != PlanTaskStatus.Done && due < Date ? Date.DayNumber - due.DayNumber : 0;

    /// <summary>The cell of a table's days-overdue column: the days, or empty when not overdue.</summary>
    public TableCell OverdueCell(DateOnly due, PlanTaskStatus status) => DaysOverdue(due, status) is > 0 and var days ? TableCell.Of(days) : TableCell.Empty;

    /// <summary>", 12 days overdue as at 1 December 2026" for work past its due date and not done, else nothing.</summary>
    public string OverdueText(DateOnly due, PlanTaskStatus status) => DaysOverdue(due, status) is > 0 and var days ? $", {DaysText(days)} overdue {AsAt}" : string.Empty;

    /// <summary>A warning naming the work past its due date and not done on the report's date, with the days each is
    /// overdue; null when nothing is.</summary>
    public Note? OverdueNote(IEnumerable<(string Title, DateOnly Due, PlanTaskStatus Status)> work, string one, string many)
    {
        var late = work.Select(w => (w.Title, w.Due, Days: DaysOverdue(w.Due, w.Status))).Where(w => w.Days > 0).OrderByDescending(w => w.Days).ThenBy(w => w.Title, StringComparer.Ordinal).ToList();
        return late.Count == 0
            ? null
            : new Note($"Overdue {AsAt} (the date of this report): {Counted.Of(late.Count, one, many)} past {(late.Count == 1 ? "its" : "their")} due date and not done: "
                + string.Join("; ", late.Select(w => $"'{w.Title}' (due {Day(w.Due)}, {DaysText(w.Days)} overdue)")) + ".", IsWarning: true);
    }

    /// <summary>How many of the work items are past their due date and not done on the report's date.</summary>
    public int Overdue(IEnumerable<(DateOnly Due, PlanTaskStatus Status)> work) => work.Count(w => DaysOverdue(w.Due, w.Status) > 0);

    public static string DaysText(int days) => days == 1 ? "1 day" : $"{N(days)} days";

    public static string N(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string N(decimal value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A period whose end is exclusive, as a reader counts it: "2013-01-01 to 2013-06-30" for the first half
    /// of 2013 (an end at midnight is the day before's last moment).</summary>
    public static string Span(DateTimeOffset from, DateTimeOffset toExclusive)
    {
        var end = toExclusive.UtcDateTime;
        var last = end.TimeOfDay == TimeSpan.Zero && end > from.UtcDateTime ? end.AddDays(-1) : end;
        return $"{from.UtcDateTime:yyyy-MM-dd} to {last:yyyy-MM-dd}";
    }

    public static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at) => Day(DateOnly.FromDateTime(at.UtcDateTime));

    /// <summary>The time unit that reads best for durations of this typical size (hours up to three days, else days).</summary>
    public static TimeUnit UnitFor(double typicalSeconds) => double.IsFinite(typicalSeconds) && typicalSeconds < 3 * 86_400 ? TimeUnit.Hours : TimeUnit.Days;

    /// <summary>A duration in seconds written in a unit that suits it.</summary>
    public static string Duration(double seconds)
    {
        var unit = UnitFor(seconds);
        return Measure.Duration("d", unit).Format(TimeUnits.FromSeconds(seconds, unit));
    }

    public static string Percent(double share, int decimals = 0) => Measure.Percent("p", decimals).Format(share);
}
