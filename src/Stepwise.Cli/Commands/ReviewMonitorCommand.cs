using System.CommandLine;
using System.Globalization;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Monitoring;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise review monitor REVIEW</c>: did the review's change work? The monitoring engine on the review's stored data
/// inside its scope (one data source split at <c>--change-date</c>, or the baseline and <c>--after</c> data imported after
/// the change), with the monitoring plan's KPIs, the agreed option's changes as conformance and its simulation as the
/// forecast; the result is kept in the review as the next version of its monitoring, with the hashes of both periods' data.
/// </summary>
internal static class ReviewMonitorCommand
{
    public static Command Create(ReviewOptions o)
    {
        var before = new Option<string?>("--before") { Description = "The data before the change (id, prefix or file name; default: with --change-date the --after data, else the data the agreed option was simulated on, else the first event log)." };
        var after = new Option<string?>("--after") { Description = "The data imported after the change (default: the latest event log)." };
        var changeDate = new Option<string?>("--change-date") { Description = "When the change took effect (ISO-8601, e.g. 2024-03-01; default: the date of the review's last monitoring)." };
        var settling = new Option<string?>("--settling-in") { Description = "Leave out cases arriving this long after the change while it settles in (e.g. 14d)." };
        var assign = new Option<string?>("--assign-by") { Description = "Which time of a case decides its period: start (default), end, or contained." };
        var beforeFrom = new Option<string?>("--before-from") { Description = "The start of the before period (cases starting from then)." };
        var beforeTo = new Option<string?>("--before-to") { Description = "The end of the before period (two data sources only)." };
        var afterFrom = new Option<string?>("--after-from") { Description = "The start of the after period (two data sources only)." };
        var afterTo = new Option<string?>("--after-to") { Description = "The end of the after period (exclusive): leave out recent weeks whose long cases are still open." };
        var kpi = ReviewVerb.Many("--kpi", "A KPI to monitor instead of the standard set (repeatable); the monitoring plan's KPIs are always monitored.");
        var option = new Option<string?>("--option") { Description = "The option whose agreed changes and forecast are checked (title or id; default: the options of the agreed recommendations)." };
        var mixBy = new Option<string?>("--mix-by") { Description = "A case type or channel attribute: the change within each value and the mix-adjusted change." };
        var interval = new Option<string?>("--interval") { Description = "Control-chart points and volume per week (default) or day." };
        var confidence = new Option<double?>("--confidence") { Description = "Confidence level of the intervals (default 0.95)." };
        var adjust = new Option<string?>("--adjust") { Description = "Adjustment of p-values across KPIs: holm (default), bh or none." };
        var resamples = new Option<int?>("--resamples") { Description = "Bootstrap resamples (default 10000)." };
        var seed = new Option<long?>("--seed") { Description = "Seed of the bootstrap (default 1)." };
        var quantileTest = new Option<string?>("--quantile-test") { Description = "bootstrap (default) or hodges-lehmann." };
        var meaningful = new Option<double?>("--meaningful-change") { Description = "The smallest change that matters, as a share of the before value (default 0.1)." };
        var meaningfulRate = new Option<double?>("--meaningful-rate-change") { Description = "For rates, the smallest change that matters as a share (default 0.02 = 2 points)." };
        var waitingSteps = new Option<int?>("--waiting-steps") { Description = "How many of the most frequent steps have their waiting time monitored (default 10)." };
        var minValues = new Option<int?>("--min-values") { Description = "Fewest values each period needs for a KPI to be compared (default 20)." };
        var rates = new Option<string?>("--rates") { Description = "Rates for cost per case and realised savings: a CSV 'ATTRIBUTE,hourly_rate' or a YAML cost model." };
        var rules = new Option<string?>("--rules") { Description = "Rules for the breach rate: a YAML rule file or a shipped pack." };
        var fcr = new Option<string?>("--fcr-attribute") { Description = "A case attribute recording first-contact resolution, with the values meaning resolved: 'fcr=yes,true' (default values: true, yes, y, 1). Without it, --customer-attribute measures it as no repeat contact, else the log's participants as one handler and no repeated step." };
        var repeat = new Option<string?>("--repeat-window") { Description = "With --customer-attribute: a new case of the customer within this time after a case ends is a repeat contact (default 7d)." };
        var feedback = new FeedbackInput();
        var hours = new Option<string?>("--working-hours") { Description = "Measure durations in working time, e.g. 'Mon-Fri 09:00-17:00'." };
        var zone = new Option<string?>("--calendar-timezone") { Description = "Time zone of the working hours (IANA id)." };
        var show = new Option<string>("--show") { Description = "Parts: periods, kpis, mix, trends, conformance, forecast, or all (comma-separated; default: what applies).", DefaultValueFactory = _ => string.Empty };
        var charts = new Option<string?>("--charts") { Description = "A folder to write each KPI's control chart to, as SVG." };
        var command = ReviewVerb.Create(o, "monitor", "Did the change work? Monitor the review's change on its stored data inside the scope: the plan's KPIs before and after with intervals and verdicts (with satisfaction from --feedback, linked to cases as the step assessments link it, and first-contact resolution where the log shows it), mix, control charts, conformance to the agreed option and its forecast against what happened; kept in the review with the hashes of both periods' data.", (session, reviewId, parse, context, cancellation) =>
        {
            var request = new ChangeMonitoringRequest
            {
                Before = parse.GetValue(before),
                After = parse.GetValue(after),
                ChangeDate = parse.GetValue(changeDate),
                SettlingIn = parse.GetValue(settling),
                AssignBy = parse.GetValue(assign),
                BeforeFrom = parse.GetValue(beforeFrom),
                BeforeTo = parse.GetValue(beforeTo),
                AfterFrom = parse.GetValue(afterFrom),
                AfterTo = parse.GetValue(afterTo),
                Kpi = parse.GetValue(kpi) ?? [],
                Option = parse.GetValue(option),
                MixBy = parse.GetValue(mixBy),
                Interval = parse.GetValue(interval),
                Confidence = parse.GetValue(confidence),
                Adjust = parse.GetValue(adjust),
                Resamples = parse.GetValue(resamples),
                Seed = parse.GetValue(seed),
                QuantileTest = parse.GetValue(quantileTest),
                MeaningfulChange = parse.GetValue(meaningful),
                MeaningfulRateChange = parse.GetValue(meaningfulRate),
                WaitingSteps = parse.GetValue(waitingSteps),
                MinValues = parse.GetValue(minValues),
                Rates = parse.GetValue(rates),
                Rules = parse.GetValue(rules),
                FcrAttribute = parse.GetValue(fcr),
                RepeatWindow = parse.GetValue(repeat),
                Calendar = new CalendarRequest { WorkingHours = parse.GetValue(hours), CalendarTimezone = parse.GetValue(zone) },
            };
            request = feedback.Fill(parse, request);
            var monitored = ProgressDisplay.Run(context, "Monitoring the change", progress => session.Bench.Monitoring.Monitor(session.Actor, reviewId, request, progress, cancellation));
            var result = monitored.Result;
            string? folder = parse.GetValue(charts);
            var defaults = MonitorSection.Periods | MonitorSection.Kpis
                | (result.Mix is null ? MonitorSection.None : MonitorSection.Mix)
                | (result.Conformance is { Checks.Count: > 0 } ? MonitorSection.Conformance : MonitorSection.None)
                | (result.Forecast.Count == 0 ? MonitorSection.None : MonitorSection.Forecast)
                | (folder is null ? MonitorSection.None : MonitorSection.Trends);
            var sections = CommonOptions.ParseSections(parse.GetValue(show)!, defaults);
            var written = folder is not null ? MonitorCommand.WriteCharts(result, folder) : [];
            var report = MonitorReport.Build(result, sections, parse.GetValue(o.Format) == OutputFormat.Table, written, parse.GetValue(hours) is not null);
            var run = monitored.Run;
            var verdicts = new ResultTable("verdicts", [new("kpi"), new("verdict"), new("in_words")], "In plain words");
            foreach (var k in run.Value.Kpis)
            {
                verdicts.Add(k.Name, MonitoringWords.Verdict(k, run.Value.Tested), MonitoringWords.Sentence(k, run.Value.Tested));
            }

            report.Add(verdicts);
            var stored = new ResultRecord("stored", "Kept in the review")
                .Add("version", run.Version, CellKind.Integer)
                .Add("before_data", run.Value.Before.DataFile)
                .Add("before_sha256", run.Value.Before.DataHash.Hex)
                .Add("after_data", run.Value.After.DataFile)
                .Add("after_sha256", run.Value.After.DataHash.Hex)
                .Add("change_date", run.Value.ChangeDate, CellKind.Timestamp)
                .Add("scope_version", run.Value.ScopeVersion, CellKind.Integer)
                .Add("option", run.Value.OptionTitle)
                .Add("forecast_source", run.Value.ForecastSource);
            report.Add(stored);
            verdicts.Notes.AddRange(run.Value.Notes.Where(n => !result.Notes.Contains(n)));

            verdicts.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{monitored.Before.Cases:N0} cases of {monitored.Before.DataFile} inside the scope ({monitored.Before.Scope})."));
            return report;
        }, before, after, changeDate, settling, assign, beforeFrom, beforeTo, afterFrom, afterTo, kpi, option, mixBy, interval, confidence, adjust, resamples, seed, quantileTest, meaningful, meaningfulRate, waitingSteps, minValues, rates, rules, fcr, repeat, hours, zone, show, charts);
        feedback.AddTo(command);
        return command;
    }
}
