using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Stepwise.Charts;
using Stepwise.Reports;
using Stepwise.Text.Privacy;

namespace Stepwise.Workbench.Reports;

/// <summary>
/// What every pack of one report shares: the review's id and title, the report's date (the day of the review's last
/// recorded change, so the same review gives the same report), whether personal data stays in, the names to redact,
/// and the pseudonyms of response and customer ids.
/// </summary>
internal sealed class ReportContext
{
    private readonly Pseudonymiser _pseudonyms;

    public ReportContext(Guid reviewId, string title, DateOnly date, bool includePersonalData, IEnumerable<string> knownNames)
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
    }

    public Guid ReviewId { get; }

    public string Title { get; }

    public DateOnly Date { get; }

    public bool IncludePersonalData { get; }

    public IReadOnlyList<string> KnownNames { get; }

    /// <summary>A response or customer id as shown: itself when personal data stays in, else its pseudonym.</summary>
    public string Id(string id) => IncludePersonalData ? id : _pseudonyms.Pseudonym(id);

    /// <summary>Free text as shown: redacted unless personal data stays in (names of the review's people included).</summary>
    public string Clean(string text) => IncludePersonalData ? text : new Redactor(KnownNames).Redact(text).Text;

    /// <summary>A document with the context's settings.</summary>
    public ReportDocument Document(string title, string audience, IReadOnlyList<ReportSection> sections, IReadOnlyList<DataSourceNote> sources, string? subtitle = null) => new()
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

    public static string N(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string N(decimal value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

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
