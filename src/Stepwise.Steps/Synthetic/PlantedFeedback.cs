using System.Globalization;
using System.Text;

namespace Stepwise.Steps.Synthetic;

/// <summary>Generated survey responses with the effects planted in them and, per case, the planted shift (the truth a test
/// checks the analysis against).</summary>
public sealed class PlantedFeedback
{
    internal PlantedFeedback(IReadOnlyList<SyntheticResponse> responses, IReadOnlyList<PlantedEffect> effects, IReadOnlyList<bool[]> hasEffect, PlantedFeedbackOptions options)
    {
        Responses = responses;
        Effects = effects;
        HasEffect = hasEffect;
        Options = options;
    }

    /// <summary>The responses, in case order.</summary>
    public IReadOnlyList<SyntheticResponse> Responses { get; }

    /// <summary>The planted effects.</summary>
    public IReadOnlyList<PlantedEffect> Effects { get; }

    /// <summary>For each effect, whether each log case has its factor.</summary>
    public IReadOnlyList<bool[]> HasEffect { get; }

    /// <summary>The options the responses were generated with.</summary>
    public PlantedFeedbackOptions Options { get; }

    /// <summary>The CSV header written by <see cref="WriteCsv(TextWriter)"/>.</summary>
    public const string Header = "response_id,case_id,customer_id,response_date,overall_satisfaction,speed,helpfulness,comment";

    /// <summary>Writes the responses as CSV (RFC 4180), with a header, in the form the feedback reader reads; the truth
    /// (case index, planted shift) is not written.</summary>
    public void WriteCsv(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Header);
        output.Write('\n');
        var line = new StringBuilder();
        foreach (var r in Responses)
        {
            line.Clear();
            line.Append(Field(r.ResponseId)).Append(',')
                .Append(Field(r.CaseId)).Append(',')
                .Append(Field(r.CustomerId)).Append(',')
                .Append(r.Date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(',')
                .Append(r.Overall.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(r.Speed.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(r.Helpfulness.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Field(r.Comment)).Append('\n');
            output.Write(line);
        }
    }

    /// <summary>Writes the responses as a UTF-8 CSV file.</summary>
    public void WriteCsv(string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        WriteCsv(writer);
    }

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
