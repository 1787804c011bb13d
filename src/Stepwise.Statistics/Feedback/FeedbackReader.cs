using System.Globalization;
using System.Text;
using Stepwise.Statistics.Tabular;

namespace Stepwise.Statistics.Feedback;

/// <summary>
/// Imports survey responses, QA scorecards and reviews from CSV/TSV files into a <see cref="FeedbackTable"/>, with a
/// column mapping that is given, detected, or both. By default one bad row rejects the import with an error naming
/// its line and column; with <see cref="FeedbackImportOptions.SkipBadRows"/> bad rows are skipped and each is reported.
/// </summary>
public static class FeedbackReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="DelimitedTextException">The file cannot be parsed, a mapped column is not in it, or (unless
    /// skipping) a row is bad (<see cref="FeedbackImportException"/>).</exception>
    public static FeedbackImport Read(string path, FeedbackImportOptions? options = null)
    {
        options ??= new FeedbackImportOptions();
        // A value over the limit (a runaway comment) is a bad row of its own, not the end of the import.
        var table = DelimitedTextReader.Read(path, options.Text with { ReportOversizedFields = true });
        return Import(table, options);
    }

    /// <summary>Imports an already-read delimited table.</summary>
    public static FeedbackImport Import(DelimitedTable table, FeedbackImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new FeedbackImportOptions();
        var missing = new HashSet<string>(options.MissingMarkers.Select(m => m.Trim()), StringComparer.OrdinalIgnoreCase);
        var notApplicable = new HashSet<string>(options.NotApplicableValues.Select(m => m.Trim()), StringComparer.OrdinalIgnoreCase);
        var dates = new DateReader(options.DateFormats);
        var profiles = ColumnProfile.Build(table, missing);
        var mapping = ColumnDetector.Complete(options.Mapping, profiles, options, table.Records.Count, p => dates.Narrow(Sample(p.Distinct)) is not null);
        var notes = new List<string>();
        var plan = new ImportPlan(table, mapping, options, missing, notApplicable, dates, notes);
        return plan.Run();
    }

    private static IEnumerable<string> Sample(HashSet<string> values) => values.Take(200);

    /// <summary>The resolved column indexes, scales and value maps of one import, and the row loop.</summary>
    private sealed class ImportPlan
    {
        private readonly DelimitedTable _table;
        private readonly FeedbackColumnMapping _mapping;
        private readonly FeedbackImportOptions _options;
        private readonly CellValues _cells;
        private readonly HashSet<string> _notApplicable;
        private readonly DateReader _dates;
        private readonly List<string> _notes;
        private readonly List<string> _warnings = [];

        public ImportPlan(DelimitedTable table, FeedbackColumnMapping mapping, FeedbackImportOptions options, HashSet<string> missing, HashSet<string> notApplicable, DateReader dates, List<string> notes)
        {
            _table = table;
            _mapping = mapping;
            _options = options;
            _cells = new CellValues(missing);
            _notApplicable = notApplicable;
            _dates = dates;
            _notes = notes;
        }

        public FeedbackImport Run()
        {
            var t = _table;
            int idCol = Index(_mapping.ResponseId, "response id");
            int caseCol = Index(_mapping.CaseId, "case id");
            int customerCol = Index(_mapping.CustomerId, "customer id");
            int dateCol = Index(_mapping.Date, "date");
            int overallCol = Index(_mapping.Overall, "overall score");
            int nameCol = Index(_mapping.RespondentName, "respondent name");
            int outcomeCol = Index(_mapping.Outcome, "outcome");
            int[] itemCols = [.. _mapping.Items.Select(n => t.Require(n, "item score"))];
            int[] commentCols = [.. _mapping.Comments.Select(n => t.Require(n, "comment"))];
            int[] segmentCols = [.. _mapping.Segments.Select(n => t.Require(n, "segment"))];
            int[] measureCols = [.. _mapping.Measures.Select(n => t.Require(n, "measure"))];

            ScoreScale? overallScale = overallCol < 0 ? null : _options.OverallScale ?? FitScale(overallCol, applyNotApplicable: false);
            var itemScales = new ScoreScale[itemCols.Length];
            for (int i = 0; i < itemCols.Length; i++)
            {
                itemScales[i] = _options.ItemScale ?? FitScale(itemCols[i], applyNotApplicable: true);
            }

            if (_options.ItemScale is null)
            {
                OneScaleForZeros(itemCols, itemScales);
            }

            if (dateCol >= 0)
            {
                var values = new HashSet<string>(StringComparer.Ordinal);
                foreach (var record in t.Records)
                {
                    if (dateCol < record.Length && !_cells.IsMissing(record[dateCol].Trim()) && values.Count < 2000)
                    {
                        values.Add(record[dateCol]);
                    }
                }

                string? format = _dates.Narrow(values);
                if (format is not null)
                {
                    _dates.Restrict(format);
                    _notes.Add($"dates in '{t.Header[dateCol]}' read with format {format}");
                }
            }

            var outcomeMap = outcomeCol < 0 ? null : OutcomeValues(outcomeCol);

            int n = t.Records.Count;
            var ids = new List<string>(n);
            var lines = new List<int>(n);
            var cases = caseCol < 0 ? null : new List<string?>(n);
            var customers = customerCol < 0 ? null : new List<string?>(n);
            var dateValues = dateCol < 0 ? null : new List<DateTime?>(n);
            var overall = overallCol < 0 ? null : new List<double>(n);
            var names = nameCol < 0 ? null : new List<string?>(n);
            var outcome = outcomeCol < 0 ? null : new List<bool?>(n);
            var comments = commentCols.Length == 0 ? null : new List<string?>(n);
            var items = itemCols.Select(_ => new List<double>(n)).ToArray();
            var measures = measureCols.Select(_ => new List<double>(n)).ToArray();
            var segmentCodes = segmentCols.Select(_ => new List<int>(n)).ToArray();
            var segmentLabels = segmentCols.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
            var seenIds = new Dictionary<string, int>(StringComparer.Ordinal);
            var bad = new List<BadRow>();
            var rowBad = new List<BadRow>();
            var itemRow = new double[itemCols.Length];
            var measureRow = new double[measureCols.Length];
            var comment = new StringBuilder();
            var labels = RepeatedLabels(commentCols);

            var oversized = t.Oversized.ToLookup(o => o.Record);
            for (int r = 0; r < n; r++)
            {
                var record = t.Records[r];
                int line = t.Lines[r];
                rowBad.Clear();
                if (oversized.Contains(r))
                {
                    bad.AddRange(oversized[r].Select(o => new BadRow(line, o.Column, null, o.Problem)));
                    continue;
                }

                if (record.Length != t.Header.Count)
                {
                    bad.Add(new BadRow(line, null, null, $"expected {t.Header.Count} fields as in the header, found {record.Length}"));
                    continue;
                }

                string? id = idCol < 0 ? line.ToString(CultureInfo.InvariantCulture) : Text(record, idCol);
                if (id is null)
                {
                    rowBad.Add(new BadRow(line, t.Header[idCol], null, "a response id was expected"));
                }
                else if (seenIds.TryGetValue(id, out int firstLine))
                {
                    rowBad.Add(new BadRow(line, idCol < 0 ? null : t.Header[idCol], id, $"the response id is already used on line {firstLine.ToString(CultureInfo.InvariantCulture)}; ids must be unique"));
                }

                DateTime? date = null;
                if (dateCol >= 0 && Text(record, dateCol) is string dateText)
                {
                    if (_dates.TryParse(dateText, out var parsed))
                    {
                        date = parsed;
                    }
                    else
                    {
                        rowBad.Add(new BadRow(line, t.Header[dateCol], dateText, "a date was expected (formats: " + string.Join(", ", _dates.Formats.Take(4)) + (_dates.Formats.Count > 4 ? ", ..." : string.Empty) + ")"));
                    }
                }

                double overallScore = overallCol < 0 ? double.NaN : Score(record, overallCol, overallScale!.Value, applyNotApplicable: false, line, rowBad);
                for (int i = 0; i < itemCols.Length; i++)
                {
                    itemRow[i] = Score(record, itemCols[i], itemScales[i], applyNotApplicable: true, line, rowBad);
                }

                for (int i = 0; i < measureCols.Length; i++)
                {
                    measureRow[i] = Number(record, measureCols[i], line, rowBad);
                }

                bool? outcomeValue = null;
                if (outcomeMap is not null && Text(record, outcomeCol) is string outcomeText)
                {
                    if (outcomeMap.TryGetValue(outcomeText, out bool b))
                    {
                        outcomeValue = b;
                    }
                    else if (_options.UnlistedOutcome != UnlistedOutcome.Missing)
                    {
                        rowBad.Add(new BadRow(line, t.Header[outcomeCol], outcomeText, "a yes/no outcome was expected (" + string.Join(", ", outcomeMap.Keys) + ")"));
                    }
                }

                if (rowBad.Count > 0)
                {
                    bad.AddRange(rowBad);
                    continue;
                }

                seenIds[id!] = line;
                ids.Add(id!);
                lines.Add(line);
                cases?.Add(Text(record, caseCol));
                customers?.Add(Text(record, customerCol));
                dateValues?.Add(date);
                overall?.Add(overallScore);
                names?.Add(Text(record, nameCol));
                outcome?.Add(outcomeValue);
                for (int i = 0; i < itemCols.Length; i++)
                {
                    items[i].Add(itemRow[i]);
                }

                for (int i = 0; i < measureCols.Length; i++)
                {
                    measures[i].Add(measureRow[i]);
                }

                for (int s = 0; s < segmentCols.Length; s++)
                {
                    string? label = Text(record, segmentCols[s]);
                    if (label is null)
                    {
                        segmentCodes[s].Add(-1);
                    }
                    else
                    {
                        if (!segmentLabels[s].TryGetValue(label, out int code))
                        {
                            code = segmentLabels[s].Count;
                            segmentLabels[s].Add(label, code);
                        }

                        segmentCodes[s].Add(code);
                    }
                }

                if (comments is not null)
                {
                    comment.Clear();
                    for (int k = 0; k < commentCols.Length; k++)
                    {
                        if (Text(record, commentCols[k]) is string part && !labels[k].Contains(part))
                        {
                            if (comment.Length > 0)
                            {
                                comment.Append('\n');
                            }

                            comment.Append(part.Trim().Trim('"').Trim());
                        }
                    }

                    comments.Add(comment.Length == 0 ? null : comment.ToString());
                }
            }

            // Bad rows are counted per row, not per value, in the message; the list keeps every problem.
            if (bad.Count > 0 && !_options.SkipBadRows)
            {
                throw new FeedbackImportException(t.Source, bad, _options.SkipBadRowsOption);
            }

            var feedback = new FeedbackTable(
                t.Source,
                [.. ids],
                [.. lines],
                cases?.ToArray(),
                customers?.ToArray(),
                dateValues?.ToArray(),
                overall is null ? null : new ScoreColumn(t.Header[overallCol], overallScale!.Value, [.. overall]),
                [.. itemCols.Select((c, i) => new ScoreColumn(t.Header[c], itemScales[i], [.. items[i]]))],
                comments?.ToArray(),
                names?.ToArray(),
                [.. segmentCols.Select((c, s) => new SegmentColumn(t.Header[c], [.. segmentLabels[s].OrderBy(kv => kv.Value).Select(kv => kv.Key)], [.. segmentCodes[s]]))],
                [.. measureCols.Select((c, i) => new MeasureColumn(t.Header[c], [.. measures[i]]))],
                outcome?.ToArray(),
                outcomeCol < 0 ? null : t.Header[outcomeCol]);
            return new FeedbackImport(feedback, _mapping, n, bad, _notes) { Columns = t.Header, Encoding = t.EncodingName, Warnings = _warnings };
        }

        private int Index(string? name, string role) => name is null ? -1 : _table.Require(name, role);

        /// <summary>
        /// For a comment joined from several columns (a review's title and its body), the values of each column that
        /// are a site's label rather than a customer's words: the same text in at least a tenth of the rows and 20 rows
        /// or more ("British Airways customer review" as the title of a quarter of the reviews). They are left out of
        /// the comments, so they make no theme and no quote, and a note names them. A single comment column is taken
        /// as written: there a repeated short answer ("Good") is the customer's.
        /// </summary>
        private HashSet<string>[] RepeatedLabels(int[] commentCols)
        {
            var labels = commentCols.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
            if (commentCols.Length < 2)
            {
                return labels;
            }

            int rows = _table.Records.Count;
            for (int k = 0; k < commentCols.Length; k++)
            {
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var record in _table.Records)
                {
                    if (commentCols[k] < record.Length && Text(record, commentCols[k]) is string value)
                    {
                        counts[value] = counts.GetValueOrDefault(value) + 1;
                    }
                }

                foreach (var (value, count) in counts.Where(c => c.Value >= 20 && c.Value * 10L >= rows).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
                {
                    labels[k].Add(value);
                    _notes.Add(string.Create(CultureInfo.InvariantCulture, $"'{Shorten(value)}' in {count:N0} rows of '{_table.Header[commentCols[k]]}' is left out of the comments: the same text in so many rows is a label, not a customer's words"));
                }
            }

            return labels;
        }

        private static string Shorten(string value) => value.Length <= 60 ? value : value[..59] + "\u2026";

        private string? Text(string[] record, int column)
        {
            if (column < 0)
            {
                return null;
            }

            string value = record[column].Trim();
            return _cells.IsMissing(value) ? null : value;
        }

        private double Score(string[] record, int column, ScoreScale scale, bool applyNotApplicable, int line, List<BadRow> bad)
        {
            string? text = Text(record, column);
            if (text is null || (applyNotApplicable && _notApplicable.Contains(text)))
            {
                return double.NaN;
            }

            if (!CellValues.TryParseNumber(text, out double value))
            {
                bad.Add(new BadRow(line, _table.Header[column], text, $"a score on the scale {scale} was expected"));
                return double.NaN;
            }

            if (!scale.Contains(value))
            {
                bad.Add(new BadRow(line, _table.Header[column], text, $"the score is off the scale {scale}"));
                return double.NaN;
            }

            return value;
        }

        private double Number(string[] record, int column, int line, List<BadRow> bad)
        {
            string? text = Text(record, column);
            if (text is null)
            {
                return double.NaN;
            }

            if (!CellValues.TryParseNumber(text, out double value))
            {
                bad.Add(new BadRow(line, _table.Header[column], text, "a number was expected"));
                return double.NaN;
            }

            return value;
        }

        /// <summary>
        /// Items of one questionnaire that run from 0 where the others of the same top run from 1: a 0 there is most
        /// often "not applicable" (not used, not asked), which read as a score pulls the item's mean and shares down.
        /// Read as scores, the 0 makes the scale 0 to the top for every item of that top, so that their performance on
        /// the grid is a share of one scale rather than of two (3.45 is 61% of 1-5 but 69% of 0-5); and the reader is
        /// warned, so that they can give 0 as not applicable instead.
        /// </summary>
        private void OneScaleForZeros(int[] itemCols, ScoreScale[] scales)
        {
            var tops = new HashSet<int>();
            for (int i = 0; i < scales.Length; i++)
            {
                if (scales[i].Min == 1)
                {
                    tops.Add(scales[i].Max);
                }
            }

            var zero = new List<string>();
            var zeroTops = new HashSet<int>();
            for (int i = 0; i < scales.Length; i++)
            {
                if (scales[i].Min == 0 && tops.Contains(scales[i].Max))
                {
                    zero.Add($"'{_table.Header[itemCols[i]]}'");
                    zeroTops.Add(scales[i].Max);
                }
            }

            if (zero.Count == 0)
            {
                return;
            }

            var widened = new List<string>();
            for (int i = 0; i < scales.Length; i++)
            {
                if (scales[i].Min == 1 && zeroTops.Contains(scales[i].Max))
                {
                    // The note of the scale says the scale used, which the analysis's scales are read back from.
                    int note = _notes.IndexOf(ScaleNote(itemCols[i], scales[i]));
                    scales[i] = new ScoreScale(0, scales[i].Max);
                    if (note >= 0)
                    {
                        _notes[note] = ScaleNote(itemCols[i], scales[i]);
                    }

                    widened.Add($"'{_table.Header[itemCols[i]]}'");
                }
            }

            string warning = $"{string.Join(", ", zero)} {(zero.Count == 1 ? "has" : "have")} scores of 0 where the other items start at 1: if 0 means not applicable, give 0 as a value meaning not applicable, else it counts as the lowest score"
                + $" and {string.Join(", ", widened)} {(widened.Count == 1 ? "is" : "are")} read from 0 as well, so that every item's performance is a share of one scale";
            _notes.Add(warning);
            _warnings.Add(warning);
        }

        private ScoreScale FitScale(int column, bool applyNotApplicable)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (var record in _table.Records)
            {
                if (column >= record.Length)
                {
                    continue;
                }

                string? text = Text(record, column);
                if (text is null || (applyNotApplicable && _notApplicable.Contains(text)))
                {
                    continue;
                }

                if (CellValues.TryParseNumber(text, out double v))
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
            }

            var scale = double.IsInfinity(min) ? ScoreScale.Likert5 : ScoreScale.Fit(min, max);
            _notes.Add(ScaleNote(column, scale));
            return scale;
        }

        private string ScaleNote(int column, ScoreScale scale) => $"scale of '{_table.Header[column]}' detected as {scale}";

        private Dictionary<string, bool> OutcomeValues(int column)
        {
            var distinct = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var record in _table.Records)
            {
                if (column < record.Length && Text(record, column) is string v)
                {
                    distinct.Add(v);
                }
            }

            var map = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
            var unknown = new List<string>();
            foreach (string v in distinct)
            {
                if (ColumnDetector.Contains(_options.OutcomePositiveValues, v))
                {
                    map[v] = true;
                }
                else if (ColumnDetector.Contains(_options.OutcomeNegativeValues, v))
                {
                    map[v] = false;
                }
                else
                {
                    unknown.Add(v);
                }
            }

            // A two-valued column with one value recognised: the other is its opposite.
            if (_options.UnlistedOutcome == UnlistedOutcome.Reject && distinct.Count == 2 && unknown.Count == 1 && map.Count == 1)
            {
                map[unknown[0]] = !map.Values.First();
                unknown.Clear();
            }
            else if (_options.UnlistedOutcome is UnlistedOutcome.Yes or UnlistedOutcome.No)
            {
                foreach (string v in unknown)
                {
                    map[v] = _options.UnlistedOutcome == UnlistedOutcome.Yes;
                }

                unknown.Clear();
            }

            string yes = string.Join(", ", map.Where(kv => kv.Value).Select(kv => kv.Key).Order(StringComparer.OrdinalIgnoreCase));
            string no = string.Join(", ", map.Where(kv => !kv.Value).Select(kv => kv.Key).Order(StringComparer.OrdinalIgnoreCase));
            string rest = _options.UnlistedOutcome == UnlistedOutcome.Missing && unknown.Count > 0 ? $"; read as no answer: {string.Join(", ", unknown.Order(StringComparer.OrdinalIgnoreCase))}" : string.Empty;
            _notes.Add($"outcome '{_table.Header[column]}': yes = {yes}; no = {no}{rest}");
            return map;
        }
    }
}
