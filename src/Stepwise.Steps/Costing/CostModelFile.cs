using System.Globalization;
using Stepwise.Statistics.Tabular;
using Stepwise.Steps.Evidence;
using Stepwise.Steps.Files;
using YamlDotNet.RepresentationModel;

namespace Stepwise.Steps.Costing;

/// <summary>
/// Reads a cost model. A <c>.csv</c> file holds rates only: a header <c>ATTRIBUTE,hourly_rate</c> (the attribute the
/// rates are for, e.g. <c>resource</c>, <c>org:resource</c> or a team attribute) and one row per value; a value of
/// <c>*</c> or <c>default</c> sets the default rate. A <c>.yaml</c>/<c>.yml</c> (or JSON) file holds everything:
/// <code>
/// currency: GBP
/// default_rate: 28            # per hour
/// rates:                      # first attribute with a rate for the instance wins
///   org:resource: { Value 1: 35, Value 2: 32 }
///   workgroup: { G97: 30 }
/// standard_times:             # per instance, for logs without start times
///   Take in charge ticket: 12m
/// fixed_costs:                # per instance
///   Closed: 0.40
/// estimate: { enabled: true, max_gap: 60m, min_samples: 5 }
/// </code>
/// </summary>
public static class CostModelFile
{
    /// <summary>Reads the file at <paramref name="path"/> (CSV by extension, else YAML).</summary>
    /// <exception cref="StepsFileException">The file does not hold a cost model; the message names line, column and field.</exception>
    public static CostModel Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        return extension is ".csv" or ".tsv" or ".txt" ? ReadCsv(path) : ReadYaml(File.ReadAllText(path), path);
    }

    /// <summary>Reads a YAML (or JSON) cost model from <paramref name="text"/>; <paramref name="name"/> is used in messages.</summary>
    public static CostModel ReadYaml(string text, string name)
    {
        var file = YamlFile.Parse(text, name);
        var root = file.RootMapping("a cost model (a mapping with rates, default_rate, standard_times, fixed_costs)");
        file.OnlyKeys(root, "a cost model", "currency", "default_rate", "rates", "standard_times", "fixed_costs", "estimate");
        var levels = new List<RateLevel>();
        if (file.Mapping(root, "rates", "a mapping from an attribute (org:resource, a team or role attribute) to rates by value") is { } rates)
        {
            foreach (var (key, value) in rates.Children)
            {
                string by = file.KeyText(key);
                if (value is not YamlMappingNode values)
                {
                    throw file.Error(value, by, "expected a mapping from each value of the attribute to its hourly rate, e.g. 'Value 1: 35'");
                }

                levels.Add(new RateLevel(NormaliseAttribute(by), Amounts(file, values, by, "an hourly rate")));
            }
        }

        var standard = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        if (file.Mapping(root, "standard_times", "a mapping from activity to its standard handling time, e.g. 'Resolve ticket: 20m'") is { } times)
        {
            foreach (var (key, value) in times.Children)
            {
                string activity = file.KeyText(key);
                string text2 = value is YamlScalarNode s ? s.Value ?? string.Empty : string.Empty;
                standard[activity] = YamlFile.ParseDuration(text2) ?? throw file.Error(value, activity, $"expected a duration such as 90s, 12m or 1.5h; found '{text2}'");
            }
        }

        var fixedCosts = new Dictionary<string, double>(StringComparer.Ordinal);
        if (file.Mapping(root, "fixed_costs", "a mapping from activity to its fixed cost per instance") is { } fixedNode)
        {
            foreach (var (activity, amount) in Amounts(file, fixedNode, "fixed_costs", "a cost per instance"))
            {
                fixedCosts[activity] = amount;
            }
        }

        var handling = new HandlingTimeOptions { StandardTimes = standard };
        if (file.Mapping(root, "estimate", "a mapping with enabled, max_gap and min_samples") is { } estimate)
        {
            file.OnlyKeys(estimate, "estimate", "enabled", "max_gap", "min_samples");
            string? enabled = file.Text(estimate, "enabled");
            bool on = enabled is null || !bool.TryParse(enabled, out bool parsed) || parsed;
            if (enabled is not null && !bool.TryParse(enabled, out _))
            {
                throw file.Error(YamlFile.Get(estimate, "enabled"), "enabled", $"expected true or false; found '{enabled}'");
            }

            double? minSamples = file.Number(estimate, "min_samples", "a whole number of at least 1");
            if (minSamples is { } m && (m < 1 || m != Math.Floor(m)))
            {
                throw file.Error(YamlFile.Get(estimate, "min_samples"), "min_samples", "expected a whole number of at least 1");
            }

            handling = handling with
            {
                Estimate = on,
                EstimateMaxGap = file.Duration(estimate, "max_gap") ?? handling.EstimateMaxGap,
                EstimateMinSamples = minSamples is { } n ? (int)n : handling.EstimateMinSamples,
            };
        }

        double? defaultRate = file.Number(root, "default_rate", "an hourly rate (a number)");
        if (defaultRate < 0)
        {
            throw file.Error(YamlFile.Get(root, "default_rate"), "default_rate", "expected a rate of zero or more");
        }

        return new CostModel
        {
            Currency = file.Text(root, "currency") ?? string.Empty,
            Levels = levels,
            DefaultRate = defaultRate,
            Handling = handling,
            FixedCosts = fixedCosts,
            Source = Path.GetFileName(name),
        };
    }

    private static Dictionary<string, double> Amounts(YamlFile file, YamlMappingNode map, string field, string what)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            string name = file.KeyText(key);
            string text = value is YamlScalarNode s ? s.Value ?? string.Empty : string.Empty;
            double amount = YamlFile.ParseNumber(text) ?? throw file.Error(value, field + "/" + name, $"expected {what} (a number, e.g. 32.50); found '{text}'");
            if (amount < 0)
            {
                throw file.Error(value, field + "/" + name, $"expected {what} of zero or more; found {text}");
            }

            result[name] = amount;
        }

        return result;
    }

    private static CostModel ReadCsv(string path)
    {
        var table = DelimitedTextReader.Read(path);
        if (table.Header.Count != 2)
        {
            throw new StepsFileException(path, 1, 0, null, $"expected two columns, the attribute the rates are for and the hourly rate (e.g. 'resource,hourly_rate'); found {table.Header.Count}");
        }

        string by = NormaliseAttribute(table.Header[0].Trim());
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        double? defaultRate = null;
        for (int r = 0; r < table.Records.Count; r++)
        {
            var record = table.Records[r];
            int line = table.Lines[r];
            if (record.Length != 2)
            {
                throw new StepsFileException(path, line, 0, null, $"expected 2 fields as in the header; found {record.Length}");
            }

            string value = record[0].Trim();
            string text = record[1].Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double rate) || !double.IsFinite(rate) || rate < 0)
            {
                throw new StepsFileException(path, line, 2, table.Header[1], $"expected an hourly rate of zero or more (e.g. 32.50); found '{text}'");
            }

            if (value is "*" || string.Equals(value, "default", StringComparison.OrdinalIgnoreCase))
            {
                defaultRate = rate;
            }
            else if (value.Length == 0)
            {
                throw new StepsFileException(path, line, 1, table.Header[0], "expected a value (or * for the default rate)");
            }
            else if (!rates.TryAdd(value, rate))
            {
                throw new StepsFileException(path, line, 1, table.Header[0], $"'{value}' already has a rate on an earlier line");
            }
        }

        return new CostModel
        {
            Levels = rates.Count > 0 ? [new RateLevel(by, rates)] : [],
            DefaultRate = defaultRate,
            Source = Path.GetFileName(path),
        };
    }

    private static string NormaliseAttribute(string name)
        => string.Equals(name, "resource", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "agent", StringComparison.OrdinalIgnoreCase) ? "org:resource" : name;
}
