using System.Globalization;
using Stepwise.Statistics.Sampling;
using Stepwise.Statistics.Tabular;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Sampling;

/// <summary>
/// Drawing a stratified random sample of cases or customers from a population file, writing the units drawn, and
/// checking a sample (or the responses received) against the population: the same for the command line, the web app
/// and a quality review that keeps the sample.
/// </summary>
public static class Samples
{
    /// <summary>Draws a sample from the population file at <paramref name="path"/>.</summary>
    /// <exception cref="StepwiseException">A field is not valid for this population (unknown attribute, more units than there are).</exception>
    public static DrawnSample Draw(string path, SampleDrawRequest request)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate().ThrowIfAny();
        var frame = SampleFrames.Read(path, request.Id, request.Log, new DelimitedTextOptions { Delimiter = Delimiters.Parse(request.Delimiter), MaxRows = request.MaxRows });
        var strata = request.Strata.Select(s => s.Trim()).ToList();
        var v = new Validation();
        foreach (string name in strata)
        {
            RequireAttribute(v, frame, "strata", name);
        }

        if (request.Size > frame.Count)
        {
            v.Add("size", $"{request.Size.ToString("N0", CultureInfo.InvariantCulture)} units were asked for, but the population has {frame.Count.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        if (request.SpreadBy is { } spread && !frame.Numbers.Any(n => string.Equals(n.Name, spread, StringComparison.OrdinalIgnoreCase)))
        {
            v.Add("spread_by", $"'{spread}' is not a numeric attribute of the units; the numeric ones are: {string.Join(", ", frame.Numbers.Select(n => n.Name))}.");
        }

        v.ThrowIfAny();
        StratifiedSample sample;
        try
        {
            sample = StratifiedSampler.Draw(frame, strata, request.Size, request.Mode, request.Seed, request.SpreadBy);
        }
        catch (ArgumentException ex)
        {
            throw StepwiseException.Invalid("size", ex.Message.Split(" (Parameter", 2)[0]);
        }

        var pseudonymiser = Keys.Of(request.PseudonymiseKey);
        var ids = sample.Units.Select(u => pseudonymiser is null ? frame.Ids[u] : pseudonymiser.Pseudonym(frame.Ids[u])).ToList();
        return new DrawnSample(frame, sample, strata, ids);
    }

    /// <summary>
    /// Writes the units drawn to a CSV that <see cref="Check"/> reads back: the unit id under the population's id
    /// column name (pseudonymised when a key was given), each stratum attribute, the stratum and the design weight.
    /// </summary>
    public static void WriteUnits(string path, DrawnSample drawn, SampleDrawRequest request)
    {
        ArgumentNullException.ThrowIfNull(drawn);
        ArgumentNullException.ThrowIfNull(request);
        SampleUnitsFile.Write(path, drawn.Frame, drawn.Sample, drawn.Strata, request.Id ?? "id", Keys.Of(request.PseudonymiseKey));
    }

    /// <summary>Checks the sample file at <paramref name="samplePath"/> against the population at <paramref name="populationPath"/>.</summary>
    /// <exception cref="StepwiseException">A field is not valid, or the sample file names units the population does not have.</exception>
    public static CheckedSample Check(string populationPath, string samplePath, SampleCheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(populationPath);
        ArgumentNullException.ThrowIfNull(samplePath);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate().ThrowIfAny();
        var attributes = request.By.Select(b => b.Trim()).ToList();
        var frame = SampleFrames.Read(populationPath, request.Id, request.Log, new DelimitedTextOptions { MaxRows = request.MaxRows });
        var v = new Validation();
        foreach (string name in attributes)
        {
            RequireAttribute(v, frame, "by", name);
        }

        v.ThrowIfAny();
        var table = DelimitedTextReader.Read(samplePath, new DelimitedTextOptions { MaxRows = request.MaxRows });
        bool printedTable = table.Header.Count > 0 && (table.Header[0].StartsWith("# ", StringComparison.Ordinal) || IsDrawCaption(table.Header[0]));
        bool strataTable = table.IndexOf("stratum") >= 0 && table.IndexOf("population") >= 0 && table.IndexOf("sample") >= 0
            && table.IndexOf(request.SampleId ?? request.Id ?? "id") < 0;
        if (printedTable || strataTable)
        {
            throw new StepwiseException(ProblemKind.BadFile, $"{table.Source} is the printed report of 'sample draw', not a list of units; write the units with 'sample draw ... --output units.csv' and check that file.");
        }

        string? sid = request.SampleId ?? request.Id ?? (table.IndexOf("id") >= 0 ? "id" : null);
        var keyed = Keys.Of(request.PseudonymiseKey);
        SamplingFrame sample;
        if (attributes.All(a => table.IndexOf(a) >= 0))
        {
            sample = SamplingFrame.FromTable(table, sid);
        }
        else
        {
            // Only ids: look the units up in the population.
            if (sid is null)
            {
                throw StepwiseException.Invalid("sample_id", $"is required: the sample file has neither the attributes ({string.Join(", ", attributes)}) nor an id column.");
            }

            var ids = SamplingFrame.FromTable(table, sid).Ids;
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < frame.Count; i++)
            {
                index[frame.Ids[i]] = i;
                if (keyed is not null)
                {
                    // A sample drawn with the same key lists pseudonyms: match them too.
                    index.TryAdd(keyed.Pseudonym(frame.Ids[i]), i);
                }
            }

            var units = new List<int>(ids.Count);
            foreach (string unit in ids)
            {
                units.Add(index.TryGetValue(SampleUnitsFile.Unneutralise(unit), out int i) ? i
                    : throw new StepwiseException(ProblemKind.BadFile, $"{table.Source}: unit '{unit}' is not in the population{(unit.StartsWith("p_", StringComparison.Ordinal) && keyed is null ? " (if the ids are pseudonyms, give the same --pseudonymise-key)" : string.Empty)}."));
            }

            sample = Representativeness.Subset(frame, units);
        }

        var balance = Representativeness.Check(frame, sample, attributes);
        var weights = new List<(string, double)>();
        if (request.Weights)
        {
            var w = Representativeness.RakingWeights(frame, sample, attributes);
            for (int i = 0; i < sample.Count; i++)
            {
                weights.Add((keyed is null ? sample.Ids[i] : keyed.Pseudonym(sample.Ids[i]), w[i]));
            }
        }

        return new CheckedSample(frame.Count, sample.Count, balance, weights);
    }

    // The first line of the printed report of a draw, e.g. "Proportional allocation of 10 units by Class, seed 1".
    private static bool IsDrawCaption(string header)
        => System.Text.RegularExpressions.Regex.IsMatch(header, @"^(Proportional|Optimal|Equal) allocation of \d+ units by ", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    private static void RequireAttribute(Validation v, SamplingFrame frame, string field, string name)
    {
        if (!frame.Attributes.Any(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            v.Add(field, $"'{name}' is not an attribute of the units; they have: {string.Join(", ", frame.Attributes.Select(a => a.Name))}.");
        }
    }
}
