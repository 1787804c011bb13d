using System.Buffers.Text;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Stepwise.Mining.Assembly;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.IO.Xes;

/// <summary>
/// Reads IEEE 1849 XES into an <see cref="EventLog"/>: trace and event attributes of every XES type (string, date,
/// int, float, boolean, id; nested, list and container attributes flattened to <c>parent/child</c> keys),
/// <c>lifecycle:transition</c> values paired into instances by the standard lifecycle model (see
/// <see cref="LifecycleHandling"/>), and the log's extension, global and classifier declarations kept in its metadata.
/// The methods every event goes through run their ahead-of-time form until the runtime recompiles them (well within
/// the first second). Compiling them fully optimised at first call instead read a 5M-event file 3 to 13% faster but
/// cost every file about 50 ms of compiling, a small log's whole reading time over again, so it is not done.
/// </summary>
internal sealed partial class XesLogReader
{
    private const string ConceptName = "concept:name";
    private const string Resource = "org:resource";
    private const string TimestampKey = "time:timestamp";
    private const string LifecycleKey = "lifecycle:transition";

    private readonly XmlScanner _xml;
    private readonly string _file;
    private readonly EventLogReadOptions _options;
    private readonly Func<double>? _progressSource;
    private readonly IProgress<double>? _progress;
    private readonly CancellationToken _cancellation;

    private readonly Utf8Interner _activities = new();
    private readonly Utf8Interner _resources = new();
    private readonly Utf8Interner _caseIds = new();
    private readonly Utf8Interner _eventKeys = new();
    private readonly List<ColumnBuilder> _eventColumns = [];
    private readonly Utf8Interner _caseKeys = new();
    private readonly List<ColumnBuilder> _caseColumns = [];
    private readonly List<int> _eventKinds = [];
    private readonly List<int> _caseKinds = [];
    private readonly List<int> _caseOf = [];
    private readonly List<int> _activityOf = [];
    private readonly List<int> _resourceOf = [];
    private readonly List<long> _times = [];
    private readonly List<Lifecycle> _lifecycles = [];
    private readonly Utf8Interner _transitionValues = new();
    private readonly IsoTimestampReader _dates = new();
    private readonly List<long> _transitionCounts = [];
    private readonly HashSet<string> _firstEventKeys = new(StringComparer.Ordinal);
    private readonly List<int> _touched = [];
    private readonly List<ImportIssue> _issues = [];
    private readonly List<string> _warnings = [];
    private readonly List<LogAttribute> _logAttributes = [];
    private readonly List<LogAttribute> _globals = [];
    private readonly List<XesExtension> _extensions = [];
    private readonly List<XesClassifier> _classifiers = [];
    private readonly List<(int Key, byte Type, byte[] Value, long Offset)> _pendingCaseAttributes = [];
    private readonly StringBuilder _classifierValue = new();

    private string[]? _classifierKeys;
    private bool _classifierDeclared;
    private bool _classifierResolved;
    private int _issueCount;
    private long _rows;
    private long _skipped;
    private int _tracesWithoutName;
    private int _emptyTraces;
    private int _mergedTraces;
    private bool _anyLifecycle;
    private bool _classifierChecked;
    private ReadMode _mode;
    private long _firstTraceOffset = -1;

    private XesLogReader(XmlScanner xml, string file, EventLogReadOptions options, Func<double>? progressSource, IProgress<double>? progress, CancellationToken cancellation)
    {
        _xml = xml;
        _file = file;
        _options = options;
        _progressSource = progressSource;
        _progress = progress;
        _cancellation = cancellation;
    }

    public static EventLogImport Read(Stream input, string file, EventLogReadOptions options, Func<double>? progressSource, IProgress<double>? progress, CancellationToken cancellation)
        => Read(input, file, options, progressSource, progress, cancellation, XesParallelism.Default, out _);

    /// <summary>Reads <paramref name="input"/>: a plain file large enough on all cores (see
    /// <see cref="XesParallelism"/>), anything else with one scanner; <paramref name="parts"/> tells how many parts
    /// were read (1 for one scanner).</summary>
    public static EventLogImport Read(Stream input, string file, EventLogReadOptions options, Func<double>? progressSource, IProgress<double>? progress, CancellationToken cancellation, XesParallelism parallelism, out int parts)
    {
        if (input is FileStream { CanSeek: true, Position: 0 } plain && TryReadParallel(plain, file, options, progress, cancellation, parallelism, out parts) is { } import)
        {
            return import;
        }

        // Parts read the file by position: the stream itself is still at its start.
        parts = 1;
        if (input is not FileStream && parallelism.EffectiveCores > 1)
        {
            // A compressed file: decompressed on another core while it is read.
            using var ahead = new ReadAheadStream(input);
            return ReadSerial(ahead, file, options, progressSource, progress, cancellation);
        }

        return ReadSerial(input, file, options, progressSource, progress, cancellation);
    }

    private static EventLogImport ReadSerial(Stream input, string file, EventLogReadOptions options, Func<double>? progressSource, IProgress<double>? progress, CancellationToken cancellation)
    {
        var scanner = new XmlScanner(XmlEncoding.ToUtf8(input, file), file);
        var reader = new XesLogReader(scanner, file, options, progressSource, progress, cancellation);
        return reader.Run();
    }

    private EventLogImport Run()
    {
        if (!_xml.Read() || _xml.Kind != XmlTokenKind.StartElement || !_xml.LocalName.SequenceEqual("log"u8))
        {
            throw _xml.Error(_xml.TokenOffset, "the file is not XES: its root element must be <log>.");
        }

        if (!_xml.IsEmptyElement)
        {
            ReadLogContent();
        }

        if (_xml.Read())
        {
            throw _xml.Error(_xml.TokenOffset, "content after the end of <log>.");
        }

        if (_issueCount > 0 && _options.BadRows == BadRowPolicy.Reject)
        {
            throw new EventLogFormatException(_file, _issues, _issueCount, _options.Names);
        }

        if (_activityOf.Count == 0)
        {
            throw new EventLogFormatException(_file, new ImportIssue(null, null, null, _rows == 0 ? "the log has no events." : "no event could be read."), _options.Names);
        }

        return Assemble();
    }

    private void ReadLogContent()
    {
        int depth = _xml.Depth;
        while (NextChild(depth))
        {

            var name = _xml.LocalName;
            if (name.SequenceEqual("trace"u8))
            {
                if (!_classifierResolved)
                {
                    ResolveClassifier();
                    _classifierResolved = true;
                }

                if (_mode == ReadMode.Header)
                {
                    _firstTraceOffset = _xml.TokenOffset;
                    return;
                }

                ReadTrace();
            }
            else if (_mode == ReadMode.Part)
            {
                // Declarations between traces are read in file order by one scanner.
                throw new PartNotReadable();
            }
            else if (name.SequenceEqual("extension"u8))
            {
                _extensions.Add(new XesExtension(Attr("name"u8), Attr("prefix"u8), Attr("uri"u8)));
                _xml.SkipElement();
            }
            else if (name.SequenceEqual("classifier"u8))
            {
                _classifiers.Add(new XesClassifier(Attr("name"u8), SplitClassifierKeys(Attr("keys"u8))));
                _xml.SkipElement();
            }
            else if (name.SequenceEqual("global"u8))
            {
                string scope = Attr("scope"u8);
                ReadDeclarations(_globals, scope.Length == 0 ? "event" : scope, prefix: null);
            }
            else if (TypeOf(name) is { } type)
            {
                ReadLogAttribute(_logAttributes, type, prefix: null);
            }
            else
            {
                _xml.SkipElement();
            }
        }
    }

    /// <summary>Advances to the next start tag inside the element opened at <paramref name="depth"/>; false once
    /// that element has closed. A child the caller does not read must be skipped with <see cref="XmlScanner.SkipElement"/>.</summary>
    private bool NextChild(int depth)
    {
        while (_xml.Read())
        {
            if (_xml.Kind == XmlTokenKind.EndElement)
            {
                if (_xml.Depth < depth)
                {
                    return false;
                }

                continue;
            }

            return true;
        }

        return false;
    }

    private void ReadDeclarations(List<LogAttribute> target, string scope, string? prefix)
    {
        if (_xml.IsEmptyElement)
        {
            return;
        }

        int depth = _xml.Depth;
        while (NextChild(depth))
        {

            if (TypeOf(_xml.LocalName) is { } type)
            {
                string key = (prefix is null ? string.Empty : prefix + "/") + Attr("key"u8);
                target.Add(new LogAttribute(key, KindOf(type), Attr("value"u8), scope));
                if (!_xml.IsEmptyElement)
                {
                    ReadDeclarations(target, scope, key);
                }
            }
            else
            {
                _xml.SkipElement();
            }
        }
    }

    private void ReadLogAttribute(List<LogAttribute> target, byte type, string? prefix)
    {
        string key = (prefix is null ? string.Empty : prefix + "/") + Attr("key"u8);
        if (type != XesType.List && type != XesType.Container)
        {
            target.Add(new LogAttribute(key, KindOf(type), Attr("value"u8)));
        }

        if (!_xml.IsEmptyElement)
        {
            int depth = _xml.Depth;
            while (NextChild(depth))
            {

                if (TypeOf(_xml.LocalName) is { } child)
                {
                    ReadLogAttribute(target, child, key);
                }
                else if (!_xml.LocalName.SequenceEqual("values"u8))
                {
                    _xml.SkipElement();
                }
            }
        }
    }

    private void ReadTrace()
    {
        int firstEvent = _activityOf.Count;
        byte[]? caseId = null;
        _pendingCaseAttributes.Clear();
        if (!_xml.IsEmptyElement)
        {
            int depth = _xml.Depth;
            while (NextChild(depth))
            {

                var name = _xml.LocalName;
                if (name.SequenceEqual("event"u8))
                {
                    ReadEvent();
                }
                else if (TypeOf(name) is { } type)
                {
                    CollectTraceAttribute(type, null, ref caseId);
                }
                else
                {
                    _xml.SkipElement();
                }
            }
        }

        int events = _activityOf.Count - firstEvent;
        if (events == 0)
        {
            _emptyTraces++;
            return;
        }

        if (caseId is null)
        {
            if (_mode == ReadMode.Part)
            {
                // Its name is its position among all traces, known only once the parts before it are read.
                throw new PartNotReadable();
            }

            _tracesWithoutName++;
            caseId = Encoding.UTF8.GetBytes("trace " + (_caseIds.Count + _emptyTraces + _mergedTraces + 1).ToString(CultureInfo.InvariantCulture));
        }

        int before = _caseIds.Count;
        int caseIndex = _caseIds.Intern(caseId);
        bool isNew = _caseIds.Count > before;
        if (!isNew)
        {
            _mergedTraces++;
        }

        int known = _caseOf.Count;
        CollectionsMarshal.SetCount(_caseOf, _activityOf.Count);
        CollectionsMarshal.AsSpan(_caseOf)[known..].Fill(caseIndex);

        if (isNew)
        {
            foreach (var (key, type, value, offset) in _pendingCaseAttributes)
            {
                SetTyped(_caseColumns[key], _caseKinds, key, caseIndex, type, value, offset, caseLevel: true);
            }
        }
    }

    private void CollectTraceAttribute(byte type, string? prefix, ref byte[]? caseId)
    {
        bool hasValue = _xml.TryGetKeyAndValue(out var keySpan, out var value);
        string? prefixed = prefix is null ? null : prefix + "/" + Encoding.UTF8.GetString(keySpan);
        if (prefix is null && keySpan.SequenceEqual("concept:name"u8) && hasValue)
        {
            caseId = value.ToArray();
        }
        else if (hasValue && type != XesType.List && type != XesType.Container)
        {
            int keyIndex = prefixed is null ? KeyIndex(_caseKeys, _caseColumns, _caseKinds, keySpan) : KeyIndex(_caseKeys, _caseColumns, _caseKinds, Encoding.UTF8.GetBytes(prefixed));
            if (_mode == ReadMode.Part)
            {
                foreach (var pending in _pendingCaseAttributes)
                {
                    if (pending.Key == keyIndex)
                    {
                        // A key given twice in a trace: as for events, only one scanner keeps the overwritten value's place.
                        throw new PartNotReadable();
                    }
                }
            }

            _pendingCaseAttributes.Add((keyIndex, type, value.ToArray(), _xml.TokenOffset));
        }

        if (!_xml.IsEmptyElement)
        {
            string parent = prefixed ?? Encoding.UTF8.GetString(keySpan);
            int depth = _xml.Depth;
            while (NextChild(depth))
            {

                if (TypeOf(_xml.LocalName) is { } child)
                {
                    CollectTraceAttribute(child, parent, ref caseId);
                }
                else if (!_xml.LocalName.SequenceEqual("values"u8))
                {
                    _xml.SkipElement();
                }
            }
        }
    }

    private void ReadEvent()
    {
        _rows++;
        if (_rows > _options.MaxRows)
        {
            throw _options.RowsExceeded(_file, "events", _xml.PositionOf(_xml.TokenOffset).Line);
        }

        if ((_rows & 0x3FFF) == 0)
        {
            _cancellation.ThrowIfCancellationRequested();
            if (_progress is not null && _progressSource is not null)
            {
                _progress.Report(_progressSource());
            }
        }

        int row = _activityOf.Count;
        var state = new EventState { Activity = -1, Resource = -1, Time = Timestamp.None, Lifecycle = Lifecycle.None, Transition = -1 };
        _touched.Clear();
        if (_classifierKeys is not null)
        {
            _classifierParts ??= new string?[_classifierKeys.Length];
            Array.Clear(_classifierParts);
        }

        if (!_xml.IsEmptyElement)
        {
            int depth = _xml.Depth;
            while (NextChild(depth))
            {

                if (TypeOf(_xml.LocalName) is { } type)
                {
                    ReadEventAttribute(type, null, row, ref state);
                }
                else
                {
                    _xml.SkipElement();
                }
            }
        }

        if (_classifierKeys is not null && !_classifierChecked)
        {
            CheckClassifier();
        }

        if (_classifierKeys is not null && state.Problem is null)
        {
            _classifierValue.Clear();
            for (int i = 0; i < _classifierKeys.Length; i++)
            {
                if (i > 0)
                {
                    _classifierValue.Append('+');
                }

                _classifierValue.Append(_classifierParts![i]);
            }

            if (_classifierParts!.All(p => p is null))
            {
                state.Problem ??= new ImportIssue(LineOf(state), null, string.Join(' ', _classifierKeys), "the event has none of the classifier's attributes, so it has no activity.");
            }
            else
            {
                state.Activity = _activities.Intern(_classifierValue.ToString());
            }
        }

        if (state.Problem is null && state.Activity < 0)
        {
            state.Problem = new ImportIssue(LineOf(state), null, ConceptName, "the event has no concept:name, so it has no activity.");
        }

        if (state.Problem is null && state.Time == Timestamp.None)
        {
            state.Problem = new ImportIssue(LineOf(state), null, TimestampKey, "the event has no time:timestamp.");
        }

        if (state.Problem is not null)
        {
            AddIssue(state.Problem);
            foreach (int column in _touched)
            {
                _eventColumns[column].Clear(row);
            }

            _skipped++;
            return;
        }

        _activityOf.Add(state.Activity);
        _resourceOf.Add(state.Resource);
        _times.Add(state.Time);
        _lifecycles.Add(state.Lifecycle);
        if (state.Transition >= 0)
        {
            while (_transitionCounts.Count <= state.Transition)
            {
                _transitionCounts.Add(0);
            }

            _transitionCounts[state.Transition]++;
        }
    }

    /// <summary>
    /// On the first event: a classifier given as attribute keys (not a classifier the log declares) must name
    /// attributes the event has or the log declares globally; otherwise it is most likely a misspelt classifier, and
    /// one error listing the declared classifiers says so (instead of one problem per event).
    /// </summary>
    private void CheckClassifier()
    {
        _classifierChecked = true;
        var known = _firstEventKeys.Concat(_globals.Where(g => g.Scope == "event").Select(g => g.Key)).ToHashSet(StringComparer.Ordinal);
        if (_classifierDeclared || _classifierKeys is null || _classifierKeys.All(known.Contains))
        {
            return;
        }

        string declared = _classifiers.Count == 0
            ? "The log declares no classifiers."
            : "The log declares: " + string.Join(", ", _classifiers.Select(c => $"'{c.Name}' ({string.Join(" ", c.Keys)})")) + ".";
        throw new EventLogFormatException(_file, new ImportIssue(null, null, null,
            $"{_options.Names.Classifier} '{_options.Xes.Classifier}' is neither a classifier this log declares nor attribute keys of its events. {declared} Its events have the attributes: {string.Join(", ", _firstEventKeys.Order(StringComparer.Ordinal))}."), _options.Names);
    }

    private string?[]? _classifierParts;

    /// <summary>The line of the event's first attribute (null without attributes), counted only when an issue needs it.</summary>
    private long? LineOf(in EventState state) => state.LineMarked ? _xml.MarkedLine : null;

    private void ReadEventAttribute(byte type, string? prefix, int row, ref EventState state)
    {
        if (!state.LineMarked)
        {
            _xml.MarkLine(_xml.TokenOffset);
            state.LineMarked = true;
        }

        bool hasValue = _xml.TryGetKeyAndValue(out var key, out var value);
        if (_classifierKeys is not null && !_classifierChecked && prefix is null)
        {
            _firstEventKeys.Add(Encoding.UTF8.GetString(key));
        }

        string? prefixed = prefix is null ? null : prefix + "/" + Encoding.UTF8.GetString(key);
        bool isList = type == XesType.List || type == XesType.Container;
        if (prefix is null && !isList && hasValue)
        {
            if (_classifierKeys is not null)
            {
                int part = Array.IndexOf(_classifierKeys, Encoding.UTF8.GetString(key));
                if (part >= 0)
                {
                    _classifierParts![part] = Encoding.UTF8.GetString(value);
                }
            }

            if (key.SequenceEqual("concept:name"u8) && _classifierKeys is null)
            {
                state.Activity = _activities.Intern(value);
                goto Children;
            }

            if (key.SequenceEqual("org:resource"u8))
            {
                state.Resource = _resources.Intern(value);
                goto Children;
            }

            if (key.SequenceEqual("time:timestamp"u8))
            {
                if (!_dates.TryParseIso(value, _options.Xes.NaiveTimeZone, out long ticks))
                {
                    state.Problem ??= _xml.IssueAtToken(TimestampKey, _options.Xes.NaiveTimeZone is { } zone && TimestampParser.TryParseIso(value, null, out _)
                        ? $"'{Encoding.UTF8.GetString(value)}' in time zone {zone.Id} ({_options.Names.TimeZone}) cannot be converted to UTC: it falls in the hour skipped when clocks go forward, or beyond the dates Stepwise can hold (0001-01-01 to 9999-12-31 UTC)."
                        : $"'{Encoding.UTF8.GetString(value)}' is not an XES date (ISO-8601, e.g. 2012-10-09T14:50:17+00:00) within 0001-01-01 and 9999-12-31 UTC.");
                }
                else
                {
                    state.Time = ticks;
                }

                goto Children;
            }

            if (key.SequenceEqual("lifecycle:transition"u8))
            {
                _anyLifecycle = true;
                state.Lifecycle = Lifecycles.Parse(value);
                state.Transition = _transitionValues.Intern(value);
            }
        }

        if (hasValue && !isList)
        {
            int column = prefixed is null ? KeyIndex(_eventKeys, _eventColumns, _eventKinds, key) : KeyIndex(_eventKeys, _eventColumns, _eventKinds, Encoding.UTF8.GetBytes(prefixed));
            if (_mode == ReadMode.Part && _touched.Contains(column))
            {
                // A key given twice: the value overwritten stays among the column's values, in an order merging keeps only one scanner's way.
                throw new PartNotReadable();
            }

            _touched.Add(column);
            if (!SetTyped(_eventColumns[column], _eventKinds, column, row, type, value, _xml.TokenOffset, caseLevel: false, out var problem))
            {
                state.Problem ??= problem;
            }
        }

    Children:
        if (!_xml.IsEmptyElement)
        {
            string parent = prefixed ?? Encoding.UTF8.GetString(key);
            int depth = _xml.Depth;
            while (NextChild(depth))
            {

                if (TypeOf(_xml.LocalName) is { } child)
                {
                    ReadEventAttribute(child, parent, row, ref state);
                }
                else if (!_xml.LocalName.SequenceEqual("values"u8))
                {
                    _xml.SkipElement();
                }
            }
        }
    }

    private void SetTyped(ColumnBuilder column, List<int> kinds, int index, int row, byte type, ReadOnlySpan<byte> value, long offset, bool caseLevel)
    {
        if (!SetTyped(column, kinds, index, row, type, value, offset, caseLevel, out var problem))
        {
            if (_mode == ReadMode.Part)
            {
                // Whether one scanner reports it depends on whether an earlier part opened the case.
                throw new PartNotReadable();
            }

            AddIssue(problem!);
        }
    }

    /// <summary>Sets a typed value, noting the kind of value the column received in <paramref name="kinds"/>
    /// (a column given values of several kinds converts them in the order they come, which only one scanner sees).</summary>
    private bool SetTyped(ColumnBuilder column, List<int> kinds, int index, int row, byte type, ReadOnlySpan<byte> value, long offset, bool caseLevel, out ImportIssue? problem)
    {
        bool set = SetTyped(column, row, type, value, offset, caseLevel, out problem);
        if (set)
        {
            kinds[index] |= KindBit(type);
        }

        return set;
    }

    private bool SetTyped(ColumnBuilder column, int row, byte type, ReadOnlySpan<byte> value, long offset, bool caseLevel, out ImportIssue? problem)
    {
        problem = null;
        switch (type)
        {
            case XesType.Int:
                if (Utf8Parser.TryParse(value, out long l, out int used) && used == value.Length)
                {
                    column.SetInteger(row, l);
                    return true;
                }

                break;
            case XesType.Float:
                if (Utf8Parser.TryParse(value, out double d, out int usedD) && usedD == value.Length)
                {
                    column.SetFloat(row, d);
                    return true;
                }

                if (double.TryParse(Encoding.UTF8.GetString(value), NumberStyles.Float, CultureInfo.InvariantCulture, out d))
                {
                    column.SetFloat(row, d);
                    return true;
                }

                break;
            case XesType.Boolean:
                if (Ascii.EqualsIgnoreCase(value, "true"u8) || value.SequenceEqual("1"u8))
                {
                    column.SetBoolean(row, true);
                    return true;
                }

                if (Ascii.EqualsIgnoreCase(value, "false"u8) || value.SequenceEqual("0"u8))
                {
                    column.SetBoolean(row, false);
                    return true;
                }

                break;
            case XesType.Date:
                if (_dates.TryParseIso(value, _options.Xes.NaiveTimeZone, out long ticks))
                {
                    column.SetTimestamp(row, ticks);
                    return true;
                }

                break;
            default:
                column.SetUtf8(row, value);
                return true;
        }

        var (line, col) = _xml.PositionOf(offset);
        problem = new ImportIssue(line, col, column.Name, $"'{Encoding.UTF8.GetString(value)}' is not a valid {XesType.Name(type)}{(caseLevel ? " (trace attribute)" : string.Empty)}.");
        return false;
    }

    private void AddIssue(ImportIssue issue)
    {
        _issueCount++;
        if (_issues.Count < _options.MaxReportedIssues)
        {
            _issues.Add(issue);
        }
    }

    private static int KeyIndex(Utf8Interner keys, List<ColumnBuilder> columns, List<int> kinds, ReadOnlySpan<byte> key)
    {
        int index = keys.Intern(key);
        if (index == columns.Count)
        {
            columns.Add(new ColumnBuilder(Encoding.UTF8.GetString(key)));
            kinds.Add(0);
        }

        return index;
    }

    private string Attr(ReadOnlySpan<byte> name) => _xml.TryGetAttribute(name, out var v) ? Encoding.UTF8.GetString(v) : string.Empty;

    private static string[] SplitClassifierKeys(string keys)
    {
        // Keys are separated by spaces; a key containing spaces is written in single quotes.
        var result = new List<string>();
        int i = 0;
        while (i < keys.Length)
        {
            if (keys[i] == ' ')
            {
                i++;
                continue;
            }

            if (keys[i] == '\'')
            {
                int close = keys.IndexOf('\'', i + 1);
                close = close < 0 ? keys.Length : close;
                result.Add(keys[(i + 1)..close]);
                i = close + 1;
            }
            else
            {
                int space = keys.IndexOf(' ', i);
                space = space < 0 ? keys.Length : space;
                result.Add(keys[i..space]);
                i = space;
            }
        }

        return [.. result];
    }

    private void ResolveClassifier()
    {
        string? classifier = _options.Xes.Classifier;
        if (string.IsNullOrWhiteSpace(classifier))
        {
            if (_options.Lifecycle == LifecycleHandling.Classifier)
            {
                _classifierKeys = [ConceptName, LifecycleKey];
                _classifierDeclared = true;
            }

            return;
        }

        var declared = _classifiers.FirstOrDefault(c => string.Equals(c.Name, classifier, StringComparison.OrdinalIgnoreCase));
        _classifierDeclared = declared is not null;
        var keys = declared?.Keys.ToArray() ?? SplitClassifierKeys(classifier);
        if (keys.Length == 1 && keys[0] == ConceptName)
        {
            return;
        }

        _classifierKeys = keys;
    }

    private EventLogImport Assemble()
    {
        int n = _activityOf.Count;
        var eventColumns = new List<AttributeColumn>();
        foreach (var builder in _eventColumns)
        {
            eventColumns.Add(builder.Build(n));
        }

        var caseColumns = new List<AttributeColumn>();
        foreach (var builder in _caseColumns)
        {
            caseColumns.Add(builder.Build(_caseIds.Count));
        }

        var events = RawLog.One([.. _caseOf], [.. _activityOf], [.. _resourceOf], [.. _times], null, _anyLifecycle ? [.. _lifecycles] : null);
        var transitions = Transitions(_transitionValues.ToNameTable(), _transitionCounts);
        return Assemble(new AssembledParts(_caseIds.ToStrings(), events, transitions, _activities.ToNameTable(), _resources.ToNameTable(), eventColumns, caseColumns,
            _rows, _skipped, _tracesWithoutName, _emptyTraces, _mergedTraces, _xml.BytesRead));
    }

    /// <summary>What the reading produced, whether by one scanner or merged from parts read on several cores.</summary>
    private sealed record AssembledParts(string[] CaseIds, RawSegment[] Events, List<KeyValuePair<string, long>> Transitions, NameTable Activities, NameTable Resources,
        List<AttributeColumn> EventColumns, List<AttributeColumn> CaseColumns, long Rows, long Skipped, int TracesWithoutName, int EmptyTraces, int MergedTraces, long Bytes);

    /// <summary>Builds the log and the report from what was read, with this reader's declarations and options.</summary>
    private EventLogImport Assemble(AssembledParts parts)
    {
        var metadata = new LogMetadata
        {
            SourceName = _file,
            SourceFormat = "xes",
            Attributes = _logAttributes,
            Extensions = _extensions,
            Globals = _globals,
            Classifiers = _classifiers,
        };
        var raw = new RawLog
        {
            CaseIds = parts.CaseIds,
            Segments = parts.Events,
            Transitions = parts.Transitions,
            ActivityNames = parts.Activities,
            ResourceNames = parts.Resources,
            EventColumns = parts.EventColumns,
            CaseColumns = parts.CaseColumns,
            Metadata = metadata,
        };
        // Steps named by a classifier that includes the transition are events of their own: nothing to pair.
        var handling = _classifierKeys is not null && _classifierKeys.Contains(LifecycleKey) ? LifecycleHandling.Classifier : _options.Lifecycle;
        var log = LogAssembler.Assemble(raw, handling, out var lifecycle, out var stats);
        if (parts.TracesWithoutName > 0)
        {
            _warnings.Add($"{parts.TracesWithoutName} traces have no concept:name; they were named 'trace N' by their position.");
        }

        if (parts.EmptyTraces > 0)
        {
            _warnings.Add($"{parts.EmptyTraces} traces have no events and were left out.");
        }

        if (parts.MergedTraces > 0)
        {
            _warnings.Add($"{parts.MergedTraces} traces repeat a case id seen before; their events were merged into that case (their own trace attributes were not used).");
        }

        _warnings.AddRange(lifecycle.Describe(_options.Names));
        var report = new ImportReport
        {
            File = _file,
            Format = EventLogFormat.Xes,
            Bytes = parts.Bytes,
            RowsRead = parts.Rows,
            Events = log.EventCount,
            Cases = log.CaseCount,
            SkippedRows = parts.Skipped,
            Issues = _issues,
            Warnings = _warnings,
            Mapping = [$"activity: {(_classifierKeys is null ? ConceptName : string.Join(" + ", _classifierKeys))}", $"resource: {Resource}", $"timestamp: {TimestampKey}"],
            Encoding = "UTF-8",
            TimestampFormat = "ISO-8601 (XES date)",
            CasesReordered = stats.CasesReordered,
            PairedLifecycles = lifecycle.MergedEvents,
            Lifecycle = lifecycle,
        };
        return new EventLogImport(log, report);
    }

    private static byte? TypeOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        6 when name.SequenceEqual("string"u8) => XesType.String,
        4 when name.SequenceEqual("date"u8) => XesType.Date,
        3 when name.SequenceEqual("int"u8) => XesType.Int,
        5 when name.SequenceEqual("float"u8) => XesType.Float,
        7 when name.SequenceEqual("boolean"u8) => XesType.Boolean,
        2 when name.SequenceEqual("id"u8) => XesType.Id,
        4 when name.SequenceEqual("list"u8) => XesType.List,
        9 when name.SequenceEqual("container"u8) => XesType.Container,
        _ => null,
    };

    /// <summary>The bit of <see cref="ColumnBuilder"/> kind a value of XES type <paramref name="type"/> is stored as.</summary>
    private static int KindBit(byte type) => 1 << (int)KindOf(type);

    private static AttributeKind KindOf(byte type) => type switch
    {
        XesType.Date => AttributeKind.Timestamp,
        XesType.Int => AttributeKind.Integer,
        XesType.Float => AttributeKind.Float,
        XesType.Boolean => AttributeKind.Boolean,
        _ => AttributeKind.String,
    };

    private static List<KeyValuePair<string, long>> Transitions(NameTable names, List<long> counts)
    {
        return [.. Enumerable.Range(0, counts.Count).Where(v => counts[v] > 0)
            .Select(v => new KeyValuePair<string, long>(names[v], counts[v]))
            .OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)];
    }

    private struct EventState
    {
        public int Transition;
        public int Activity;
        public int Resource;
        public long Time;
        public Lifecycle Lifecycle;
        public bool LineMarked;
        public ImportIssue? Problem;
    }
}

/// <summary>XES attribute element types.</summary>
internal static class XesType
{
    public const byte String = 1;
    public const byte Date = 2;
    public const byte Int = 3;
    public const byte Float = 4;
    public const byte Boolean = 5;
    public const byte Id = 6;
    public const byte List = 7;
    public const byte Container = 8;

    public static string Name(byte type) => type switch
    {
        Date => "XES date (ISO-8601)",
        Int => "whole number",
        Float => "number",
        Boolean => "boolean (true or false)",
        _ => "value",
    };
}
