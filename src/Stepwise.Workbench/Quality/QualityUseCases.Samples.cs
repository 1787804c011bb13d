using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Quality;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Sampling;

namespace Stepwise.Workbench.Quality;

/// <summary>Samples drawn for a quality review and checked against the population.</summary>
public sealed partial class QualityUseCases
{
    /// <summary>The samples of a quality review, oldest first.</summary>
    public IReadOnlyList<Versioned<QualitySample>> Samples(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        RequireQuality(reviewId);
        return _bench.Workspace.List<QualitySample>(reviewId);
    }

    /// <summary>
    /// Draws a stratified random sample from a population file and keeps it in the review: the file's name and
    /// SHA-256, how it was read, the strata, size, allocation and seed (so the same draw can be made again), each
    /// stratum's weight, and the units file written, with its SHA-256.
    /// </summary>
    public (Versioned<QualitySample> Saved, DrawnSample Drawn) DrawSample(Actor actor, Guid reviewId, QualitySampleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        RequireQuality(reviewId);
        request.Validate().ThrowIfAny();
        var plan = _bench.Workspace.Get<QualityReview>(reviewId, reviewId).Value;
        string? metric = request.Metric is null ? null : plan.Measure(request.Metric)?.Metric
            ?? throw StepwiseException.Invalid("metric", $"'{request.Metric}' is not in the measurement plan ({(plan.MeasurementPlan.Count == 0 ? "it has no measures yet" : string.Join(", ", plan.MeasurementPlan.Select(m => m.Metric)))}).");
        if (_bench.Workspace.List<QualitySample>(reviewId).Any(s => string.Equals(s.Value.Name, request.Name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            throw StepwiseException.Invalid("name", $"this review already has a sample called '{request.Name.Trim()}'; give this one another name.");
        }

        var populationHash = ContentHash.OfFile(request.Population);
        var drawn = Sampling.Samples.Draw(request.Population, request.Draw);
        string? unitsFile = null;
        ContentHash? unitsHash = null;
        if (request.Output is { } output)
        {
            Sampling.Samples.WriteUnits(output, drawn, request.Draw);
            unitsFile = Path.GetFileName(output);
            unitsHash = ContentHash.OfFile(output);
        }

        var sample = new QualitySample
        {
            Id = _bench.Workspace.NewId(),
            Name = request.Name.Trim(),
            Metric = metric,
            PopulationFile = Path.GetFileName(request.Population),
            PopulationHash = populationHash,
            ReadOptions = request.Draw.ReadOptionsJson(),
            PopulationSize = drawn.Frame.Count,
            Strata = drawn.Strata,
            Allocation = drawn.Sample.Allocation.ToString().ToLowerInvariant(),
            SpreadBy = request.Draw.SpreadBy,
            Size = drawn.Sample.Units.Count,
            Seed = drawn.Sample.Seed,
            StrataDrawn = [.. drawn.Sample.Strata.Select(s => new SampleStratum(s.Label, s.PopulationCount, s.SampleCount, double.IsFinite(s.Weight) ? s.Weight : null))],
            UnitsWithoutStratum = drawn.Sample.UnitsWithoutStratum,
            UnitsFile = unitsFile,
            UnitsHash = unitsHash,
            Pseudonymised = !string.IsNullOrEmpty(request.Draw.PseudonymiseKey),
            Units = SampleUnitsFile.Units(drawn.Frame, drawn.Sample, drawn.Strata, Keys.Of(request.Draw.PseudonymiseKey)),
            DrawnAt = _bench.Now,
        };
        return (_bench.Workspace.Save(reviewId, sample, 0, actor.DisplayName), drawn);
    }

    /// <summary>
    /// Checks a kept sample, or the responses received from it, against the population it was drawn from (the
    /// population file must be the same, by SHA-256), and adds the check to the sample: per attribute the chi-square
    /// test, each group's shares, standardised difference and weight, and the response rate for responses.
    /// </summary>
    public (Versioned<QualitySample> Saved, CheckedSample Checked) CheckSample(Actor actor, Guid reviewId, QualitySampleCheckRequest request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        RequireQuality(reviewId);
        request.Validate().ThrowIfAny();
        var current = FindSample(reviewId, request.Sample, "sample");
        var sample = current.Value;
        if (ContentHash.OfFile(request.Population) != sample.PopulationHash)
        {
            throw new StepwiseException(ProblemKind.RuleBroken, $"{Path.GetFileName(request.Population)} is not the population sample '{sample.Name}' was drawn from ({sample.PopulationFile}, SHA-256 {sample.PopulationHash.Short}); check it against that file.");
        }

        var read = CanonicalJson.Deserialize<PopulationReadOptions>(sample.ReadOptions, "sample read options");
        var check = request.Check with
        {
            Id = request.Check.Id ?? read.Id,
            Log = request.Check.Log || read.Log,
            By = request.Attribute.Count > 0 ? request.Attribute : sample.Strata,
        };
        if (check.By.Count == 0)
        {
            throw StepwiseException.Invalid("attribute", $"is required: sample '{sample.Name}' was drawn without strata, so name the attributes to check.");
        }

        CheckedSample result;
        try
        {
            result = Sampling.Samples.Check(request.Population, request.File, check);
        }
        catch (StepwiseException ex) when (ex.Errors.Any(e => e.Field == "by"))
        {
            throw new StepwiseException([.. ex.Errors.Select(e => e.Field == "by" ? e with { Field = "attribute" } : e)]);
        }

        var entry = new SampleCheck
        {
            At = _bench.Now,
            By = actor.DisplayName,
            File = Path.GetFileName(request.File),
            FileHash = ContentHash.OfFile(request.File),
            Units = result.Sample,
            ResponseRate = request.Responses ? (double)result.Sample / sample.Size : null,
            Attributes = [.. result.Attributes.Select(a => new AttributeCheck(
                a.Attribute,
                Finite(a.Test?.Statistic),
                a.Test is null ? null : (int)a.Test.DegreesOfFreedom,
                Finite(a.Test?.PValue),
                Finite(a.Test?.EffectSize),
                !a.IsUnbalanced(),
                [.. a.Groups.Select(g => new GroupCheck(g.Label, g.PopulationCount, g.PopulationShare, g.SampleCount, g.SampleShare, double.IsFinite(g.StandardisedDifference) ? g.StandardisedDifference : 0, g.UnderRepresented, Finite(g.Weight)))]))],
        };
        var saved = _bench.Workspace.Save(reviewId, sample with { Checks = [.. sample.Checks, entry] }, expectedVersion ?? current.Version, actor.DisplayName);
        return (saved, result);
    }

    /// <summary>
    /// The units of a kept sample as a CSV, byte for byte the units file written when it was drawn (its SHA-256 is the
    /// sample's units hash): the id under the population's id column (a keyed pseudonym when the draw was
    /// pseudonymised), the strata attributes, the stratum and the design weight.
    /// </summary>
    /// <exception cref="StepwiseException">No such sample (not found), or it was kept before units were (rule broken).</exception>
    public SampleUnitsDownload SampleUnits(Actor actor, Guid reviewId, string sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        RequireQuality(reviewId);
        var kept = FindSample(reviewId, sample, "sample").Value;
        if (kept.Units is not { } units)
        {
            throw new StepwiseException(ProblemKind.RuleBroken, $"Sample '{kept.Name}' was kept before samples kept their units; draw it again from {kept.PopulationFile} with seed {kept.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)} (the same population, strata, size and allocation draw the same units).") { Subject = "sample " + kept.Name };
        }

        var read = CanonicalJson.Deserialize<PopulationReadOptions>(kept.ReadOptions, "population read options");
        var weights = kept.StrataDrawn.GroupBy(s => s.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Weight ?? double.NaN, StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new System.Text.UTF8Encoding(false), leaveOpen: true))
        {
            SampleUnitsFile.Write(writer, read.Id ?? "id", kept.Strata, units, label => weights.TryGetValue(label, out double w) ? w : double.NaN);
        }

        string name = kept.UnitsFile ?? Path.GetFileNameWithoutExtension(kept.PopulationFile) + "-sample.csv";
        return new SampleUnitsDownload(buffer.ToArray(), name, kept.Pseudonymised, units.Count);
    }

    internal Versioned<QualitySample> FindSample(Guid reviewId, string nameOrId, string field)
    {
        var all = _bench.Workspace.List<QualitySample>(reviewId);
        string text = nameOrId.Trim();
        var match = all.Where(s => string.Equals(s.Value.Name, text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (match.Count == 0 && text.Length >= 4)
        {
            match = [.. all.Where(s => s.Value.Id.ToString("D").StartsWith(text, StringComparison.OrdinalIgnoreCase))];
        }

        return match.Count == 1 ? match[0] : throw new StepwiseException(ProblemKind.NotFound,
            $"'{text}' names {(match.Count == 0 ? "no" : "more than one")} sample of this review" + (all.Count == 0 ? "; it has none yet." : $"; its samples are {string.Join(", ", all.Select(s => s.Value.Name))}.")) { Subject = field + " " + text };
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
