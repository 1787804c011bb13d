using System.Globalization;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Quality;
using Stepwise.Testing;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Sampling;
using Stepwise.Workbench.Survey;

namespace Stepwise.Workbench.Tests;

/// <summary>A quality review of the airline passenger survey carried through every stage by the use cases alone.</summary>
public sealed class QualityReviewTests : IDisposable
{
    private static readonly string Airline = SharedData.PathOf("surveys/airline_passenger_satisfaction_kaggle_test.csv");
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-quality-").FullName;
    private readonly BenchFixture _f = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // The airline file read with a plain split (it has no quoted fields), independently of the feedback reader.
    private static (string[] Header, List<string[]> Rows) ReadByHand()
    {
        var lines = File.ReadAllLines(Airline);
        return (lines[0].Split(','), [.. lines.Skip(1).Select(l => l.Split(','))]);
    }

    private Guid NewReview()
        => _f.Bench.Reviews.Create(_f.Admin, new NewReview { Title = "Passenger satisfaction 2024", Quality = true }).Id;

    private void Plan(Guid id)
    {
        var q = _f.Bench.Quality;
        q.SaveFeature(_f.Admin, id, new FeatureRequest { Name = "Overall satisfaction", Why = "What the airline is judged on." });
        q.SaveFeature(_f.Admin, id, new FeatureRequest { Name = "Inflight wifi service", Why = "Business travellers work on board." });
        q.SaveMeasure(_f.Admin, id, new MeasureRequest { Metric = "Satisfied passengers", Feature = "Overall satisfaction", Statistic = "csat", Column = "satisfaction", Method = "survey", Target = ">=50%", Frequency = "quarterly", Owner = "Head of customer experience" });
        q.SaveMeasure(_f.Admin, id, new MeasureRequest { Metric = "Wifi top-2-box", Feature = "Inflight wifi service", Statistic = "top2", Column = "Inflight wifi service", Method = "survey", Target = ">=50%", Frequency = "monthly", Owner = "Inflight product manager" });
        q.SaveMeasure(_f.Admin, id, new MeasureRequest { Metric = "Mystery flyer score", Method = "mystery-shopping", Target = ">=4", Frequency = "quarterly" });
    }

    private SavedAnalysis Analyse(Guid id) => _f.Bench.Quality.Analyse(_f.Admin, id, new FeedbackAnalysisRequest
    {
        Title = "Passenger survey, test split",
        File = Airline,
        Read = new FeedbackReadRequest { NotApplicable = ["0"] },
        Discover = 0,
    });

    [Fact]
    public void Analyse_AirlineSurvey_ResultsAgainstTargetsMatchCountsByHand()
    {
        Guid id = NewReview();
        Plan(id);
        var saved = Analyse(id);

        var (header, rows) = ReadByHand();
        int satisfaction = Array.IndexOf(header, "satisfaction"), wifi = Array.IndexOf(header, "Inflight wifi service");
        int satisfied = rows.Count(r => r[satisfaction] == "satisfied");
        var answered = rows.Select(r => int.Parse(r[wifi], CultureInfo.InvariantCulture)).Where(v => v != 0).ToList();
        int top2 = answered.Count(v => v >= 4);

        var analysis = saved.Analysis.Value;
        Assert.Equal(rows.Count, analysis.Responses);
        var csat = Assert.Single(analysis.Results, r => r.Metric == "Satisfied passengers");
        Assert.Equal((double)satisfied / rows.Count, csat.Value, 12);
        Assert.Equal(rows.Count, csat.SampleSize);
        // Wilson 95% interval worked out here: the verdict follows from where it lies against 0.5.
        var (lo, hi) = Wilson(satisfied, rows.Count, 1.959963984540054);
        Assert.Equal(lo, csat.Lower!.Value, 9);
        Assert.Equal(hi, csat.Upper!.Value, 9);
        Assert.Equal(hi < 0.5 ? ResultVerdict.Missed : lo >= 0.5 ? ResultVerdict.Met : ResultVerdict.Undecided, csat.Verdict);

        var wifiResult = Assert.Single(analysis.Results, r => r.Metric == "Wifi top-2-box");
        Assert.Equal((double)top2 / answered.Count, wifiResult.Value, 12);
        Assert.Equal(answered.Count, wifiResult.SampleSize);
        Assert.Contains(analysis.Unmeasured, u => u.Metric == "Mystery flyer score");

        // Provenance: file name, SHA-256 of the bytes, and the read options as asked and as detected.
        Assert.Equal(SharedData.Sha256(Airline), saved.Source.ContentHash.Hex);
        Assert.Equal(saved.Source.ContentHash, analysis.DataHash);
        Assert.Contains("\"not_applicable\":[\"0\"]", saved.Source.ImportOptions, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"satisfaction\"", saved.Source.ImportOptions, StringComparison.Ordinal);
        Assert.True(saved.NewImport);

        // Fourteen items, importance shares summing to one, every one on the grid.
        Assert.Equal(14, analysis.Drivers.Count);
        Assert.Equal(1.0, analysis.Drivers.Sum(d => d.Importance), 6);
        Assert.Equal("satisfaction", analysis.DriversOf);
    }

    [Fact]
    public void Analyse_SameFileTwice_ImportedOnceTitleMustDiffer()
    {
        Guid id = NewReview();
        Plan(id);
        Analyse(id);
        var error = Assert.Throws<StepwiseException>(() => Analyse(id));
        Assert.Equal("title", Assert.Single(error.Errors).Field);
        var again = _f.Bench.Quality.Analyse(_f.Admin, id, new FeedbackAnalysisRequest { Title = "Again", File = Airline, Read = new FeedbackReadRequest { NotApplicable = ["0"] }, Discover = 0 });
        Assert.False(again.NewImport);
        Assert.Single(_f.Bench.Quality.Show(_f.Admin, id).DataSources);
    }

    [Fact]
    public void DrawAndCheckSample_ByClass_StrataMatchTheFileAndTheCheckIsKept()
    {
        Guid id = NewReview();
        Plan(id);
        string units = Path.Combine(_folder, "units.csv");
        var (saved, drawn) = _f.Bench.Quality.DrawSample(_f.Admin, id, new QualitySampleRequest
        {
            Name = "Test split by class",
            Metric = "Satisfied passengers",
            Population = Airline,
            Draw = new SampleDrawRequest { Id = "id", Strata = ["Class"], Size = 400, Seed = 11 },
            Output = units,
        });

        var (header, rows) = ReadByHand();
        int cls = Array.IndexOf(header, "Class");
        var byClass = rows.GroupBy(r => r[cls]).ToDictionary(g => g.Key, g => g.Count());
        var sample = saved.Value;
        Assert.Equal(rows.Count, sample.PopulationSize);
        Assert.Equal(400, sample.Size);
        Assert.Equal(400, sample.StrataDrawn.Sum(s => s.Sample));
        foreach (var stratum in sample.StrataDrawn)
        {
            Assert.Equal(byClass[stratum.Label], stratum.Population);
            // Proportional allocation: each class's share of the sample within one unit of its share of the population.
            Assert.InRange(stratum.Sample, (400.0 * stratum.Population / rows.Count) - 1, (400.0 * stratum.Population / rows.Count) + 1);
        }

        Assert.Equal(SharedData.Sha256(Airline), sample.PopulationHash.Hex);
        Assert.Equal(SharedData.Sha256(units), sample.UnitsHash!.Value.Hex);
        Assert.Equal(401, File.ReadAllLines(units).Length);
        Assert.Equal(drawn.UnitIds.Order(StringComparer.Ordinal), File.ReadAllLines(units).Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal));

        var (checkedSample, check) = _f.Bench.Quality.CheckSample(_f.Admin, id, new QualitySampleCheckRequest { Sample = "Test split by class", Population = Airline, File = units });
        Assert.True(check.Representative);
        var kept = Assert.Single(checkedSample.Value.Checks);
        Assert.Equal("Class", Assert.Single(kept.Attributes).Attribute);
        Assert.True(kept.Representative);
        Assert.Equal(2, checkedSample.Version);
    }

    [Fact]
    public void CheckSample_ResponsesMissingBusinessClass_UnrepresentativeThenPlanRevisedWithReason()
    {
        Guid id = NewReview();
        Plan(id);
        string units = Path.Combine(_folder, "units.csv");
        _f.Bench.Quality.DrawSample(_f.Admin, id, new QualitySampleRequest { Name = "March", Population = Airline, Draw = new SampleDrawRequest { Id = "id", Strata = ["Class"], Size = 600, Seed = 3 }, Output = units });
        // Responses: only the economy passengers of the sample answered.
        string responses = Path.Combine(_folder, "responses.csv");
        File.WriteAllLines(responses, File.ReadAllLines(units).Where((l, i) => i == 0 || l.Contains(",Eco,", StringComparison.Ordinal)));
        var (saved, check) = _f.Bench.Quality.CheckSample(_f.Admin, id, new QualitySampleCheckRequest { Sample = "March", Population = Airline, File = responses, Responses = true });
        Assert.False(check.Representative);
        var kept = saved.Value.Checks[^1];
        Assert.False(kept.Representative);
        Assert.Equal((double)kept.Units / 600, kept.ResponseRate!.Value, 12);
        Assert.Contains(kept.Attributes[0].Groups, g => g.Group == "Business" && g.UnderRepresented);

        var revised = _f.Bench.Quality.ReviseMeasure(_f.Admin, id, new RevisionRequest
        {
            Metric = "Satisfied passengers",
            Reason = "unrepresentative-sample",
            Explanation = "Only economy passengers answered the e-mail survey.",
            Sample = "March",
            Method = "qa-review",
            SampleDesign = "all business and economy plus passengers called back",
        });
        var revision = Assert.Single(revised.Value.Revisions);
        Assert.Equal(RevisionReason.UnrepresentativeSample, revision.Reason);
        Assert.Equal(saved.Value.Id, revision.SampleId);
        Assert.Contains(revision.Changes, c => c is { Field: "method", Before: "survey", After: "qa-review" });
        Assert.Equal("Ada Admin", revision.By);
        var history = _f.Bench.Reviews.History(_f.Admin, id)[^1];
        Assert.Contains(history.Changes, c => c.Path.StartsWith("measurement_plan", StringComparison.Ordinal) && c.Before!.Contains("survey", StringComparison.Ordinal) && c.After!.Contains("qa-review", StringComparison.Ordinal));

        // Later changes keep the revision; rewriting it is refused.
        var later = _f.Bench.Quality.SaveFeature(_f.Admin, id, new FeatureRequest { Name = "Leg room service" });
        Assert.Equal(revision.Explanation, Assert.Single(later.Value.Revisions).Explanation);
        Assert.Equal(revision.Changes, later.Value.Revisions[0].Changes);
        var store = _f.Bench.Store;
        var rewritten = later.Value with { Revisions = [revision with { Explanation = "Nothing was wrong." }] };
        Assert.Throws<Review.Common.ReviewRuleException>(() => new Review.Workspaces.Workspace(store, _f.Clock, new Review.Common.SequentialIds(100)).Save(id, rewritten, later.Version, "someone"));
    }

    [Fact]
    public void FindingsActionsBriefings_SignedActionGoesStaleWhenItsDueDateMoves()
    {
        Guid id = NewReview();
        Plan(id);
        var analysis = Analyse(id);
        var findings = _f.Bench.Quality.FindingsFrom(_f.Admin, id, "Passenger survey, test split");
        var wifiResult = analysis.Analysis.Value.Results.Single(r => r.Metric == "Wifi top-2-box");
        Assert.Equal(wifiResult.Verdict == ResultVerdict.Missed, findings.Any(f => f.Value is { FindingKind: FindingKind.Gap, Subject: "Wifi top-2-box" }));
        Assert.Equal(analysis.Analysis.Value.Drivers.Count(d => d.Quadrant == "concentrate here"), findings.Count(f => f.Value.FindingKind == FindingKind.Driver));
        Assert.Empty(_f.Bench.Quality.FindingsFrom(_f.Admin, id, "Passenger survey, test split"));

        var manual = _f.Bench.Quality.RecordFinding(_f.Admin, id, new FindingRequest { Kind = "other", Summary = "Mystery flyers found the wifi log-in page in English only.", Subject = "Wifi log-in", Evidence = ["Six of ten flights"] });
        var sponsor = _f.User("sam", "Sam Sponsor");
        _f.Bench.Reviews.SetMember(_f.Admin, id, new NewMember { User = "sam", Role = "approver" });
        _f.Bench.Reviews.SaveStakeholder(_f.Admin, id, new NewStakeholder { Name = "Sam Sponsor", Group = "senior-managers", Role = "accountable", Account = "sam" });
        var action = _f.Bench.Quality.SaveAction(_f.Admin, id, new ActionRequest { Title = "Translate the wifi portal", Finding = ["Wifi log-in"], Owner = "Inflight product manager", Due = "2024-06-30", Measure = "Wifi top-2-box above 50%" });
        var signed = _f.Bench.Reviews.SignOff(sponsor, id, new SignOffRequest { Artefact = "action", Decision = "approve" });
        Assert.False(signed.IsStale);
        Assert.True(_f.Bench.Quality.Show(_f.Admin, id).Actions.Single().Agreement.IsAgreed);

        _f.Bench.Quality.SaveAction(_f.Admin, id, new ActionRequest { Title = "Translate the wifi portal", Due = "2024-07-31" });
        var shown = _f.Bench.Quality.Show(_f.Admin, id);
        Assert.False(shown.Actions.Single().Agreement.IsAgreed);
        Assert.True(Assert.Single(shown.SignOffs).IsStale);
        Assert.Equal(["Wifi log-in"], shown.Actions.Single().Findings);

        var briefing = _f.Bench.Quality.RecordBriefing(_f.Admin, id, new BriefingRequest
        {
            Audience = "front-line-staff",
            Recipients = "cabin crew",
            Message = "Wifi is the weakest item; the portal will be translated.",
            Channel = "team meeting",
            At = "2024-04-02",
            Analysis = ["Passenger survey, test split"],
            Finding = [manual.Value.Id.ToString("D")],
            Action = ["Translate the wifi portal"],
        });
        Assert.Equal(new DateTimeOffset(2024, 4, 2, 0, 0, 0, TimeSpan.Zero), briefing.Value.At);
        Assert.Equal(["analysis: Passenger survey, test split", "finding: Wifi log-in", "action: Translate the wifi portal"], _f.Bench.Quality.Show(_f.Admin, id).Briefings.Single().Given);
        Assert.Equal(action.Value.Id, briefing.Value.ActionIds.Single());
    }

    [Fact]
    public void Roles_ViewerMayNotPlanContributorMayOnlyRecordProgress()
    {
        Guid id = NewReview();
        Plan(id);
        var viewer = _f.User("vic");
        var contributor = _f.User("cora");
        _f.Bench.Reviews.SetMember(_f.Admin, id, new NewMember { User = "vic", Role = "viewer" });
        _f.Bench.Reviews.SetMember(_f.Admin, id, new NewMember { User = "cora", Role = "contributor" });
        var denied = Assert.Throws<StepwiseException>(() => _f.Bench.Quality.SaveFeature(viewer, id, new FeatureRequest { Name = "Leg room" }));
        Assert.Equal(ProblemKind.Forbidden, denied.Kind);
        var finding = _f.Bench.Quality.RecordFinding(_f.Admin, id, new FindingRequest { Kind = "gap", Summary = "Wifi below target", Subject = "Wifi" });
        _f.Bench.Quality.SaveAction(_f.Admin, id, new ActionRequest { Title = "Upgrade routers", Finding = ["Wifi"], Owner = "Cora", Due = "2024-09-01" });
        Assert.Equal(ProblemKind.Forbidden, Assert.Throws<StepwiseException>(() => _f.Bench.Quality.SaveAction(contributor, id, new ActionRequest { Title = "Upgrade routers", Due = "2024-12-01" })).Kind);
        var progress = _f.Bench.Quality.SaveAction(contributor, id, new ActionRequest { Title = "Upgrade routers", Status = "in-progress", Note = "Two aircraft done" });
        Assert.Equal(Review.Planning.PlanTaskStatus.InProgress, progress.Value.Status);
        Assert.Equal(finding.Value.Id, progress.Value.FindingIds.Single());
        Assert.Equal(ProblemKind.Forbidden, Assert.Throws<StepwiseException>(() => _f.Bench.Quality.SaveAction(viewer, id, new ActionRequest { Title = "Upgrade routers", Status = "done" })).Kind);
    }

    [Theory]
    [InlineData("method", "telepathy", "'telepathy' is not one of survey, qa-review, mystery-shopping, complaint-analysis, operational-data.")]
    [InlineData("target", "eighty", "'eighty' is not a target")]
    [InlineData("frequency", "", "is required: daily, weekly, monthly, quarterly, yearly.")]
    [InlineData("statistic", "happiness", "'happiness' is not a metric")]
    public void SaveMeasure_BadField_NamedWithWhatIsExpected(string field, string value, string message)
    {
        Guid id = NewReview();
        var request = new MeasureRequest { Metric = "M", Method = "survey", Target = ">=1", Frequency = "monthly" };
        request = field switch
        {
            "method" => request with { Method = value },
            "target" => request with { Target = value },
            "frequency" => request with { Frequency = value },
            _ => request with { Statistic = value },
        };
        var error = Assert.Throws<StepwiseException>(() => _f.Bench.Quality.SaveMeasure(_f.Admin, id, request));
        var only = Assert.Single(error.Errors);
        Assert.Equal(field, only.Field);
        Assert.StartsWith(message, only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QualityUseCases_OnProcessReview_RuleBroken()
    {
        Guid process = _f.Bench.Reviews.Create(_f.Admin, new NewReview { Title = "Help desk" }).Id;
        Assert.Equal(ProblemKind.RuleBroken, Assert.Throws<StepwiseException>(() => _f.Bench.Quality.SaveFeature(_f.Admin, process, new FeatureRequest { Name = "x" })).Kind);
    }

    private static (double Lower, double Upper) Wilson(int yes, int n, double z)
    {
        double p = (double)yes / n, z2 = z * z;
        double centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        double half = z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        return (centre - half, centre + half);
    }
}
