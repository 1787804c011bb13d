using Stepwise.Steps.Files;
using Stepwise.Steps.Value;
using YamlDotNet.RepresentationModel;

namespace Stepwise.Steps.Questions;

/// <summary>
/// Reads a settings file (YAML, or JSON, which is YAML too): question thresholds by name and value classes by step.
/// <code>
/// thresholds:
///   rework_share: 0.15
///   waiting_median: 8h
/// value_classes:
///   Wait: NVA
///   Resolve ticket: VA
/// </code>
/// </summary>
public static class StepSettingsFile
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="StepsFileException">The file is not a valid settings file.</exception>
    public static StepSettings Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads settings from <paramref name="text"/>; <paramref name="name"/> is used in messages.</summary>
    public static StepSettings Parse(string text, string name)
    {
        var file = YamlFile.Parse(text, name);
        var root = file.RootMapping("a settings file (a mapping with thresholds and value_classes)");
        file.OnlyKeys(root, "a settings file", "thresholds", "value_classes");
        var settings = new QuestionSettings();
        if (file.Mapping(root, "thresholds", "a mapping from a threshold name to its value") is { } thresholds)
        {
            foreach (var (key, value) in thresholds.Children)
            {
                string threshold = file.KeyText(key);
                if (!QuestionSettings.Names.Contains(threshold, StringComparer.Ordinal))
                {
                    throw file.Error(key, threshold, "unknown threshold; expected one of: " + string.Join(", ", QuestionSettings.Names));
                }

                string text2 = value is YamlScalarNode s ? s.Value ?? string.Empty : string.Empty;
                settings = settings.With(threshold, text2) ?? throw file.Error(value, threshold, $"expected {QuestionSettings.Expected(threshold)}; found '{text2}'");
            }
        }

        var classes = new Dictionary<string, ValueClass>(StringComparer.Ordinal);
        if (file.Mapping(root, "value_classes", "a mapping from a step to VA, BVA or NVA") is { } map)
        {
            foreach (var (key, value) in map.Children)
            {
                string step = file.KeyText(key);
                string text2 = value is YamlScalarNode s ? s.Value ?? string.Empty : string.Empty;
                try
                {
                    classes[step] = ValueSuggestion.Parse(text2);
                }
                catch (FormatException)
                {
                    throw file.Error(value, "value_classes/" + step, $"expected VA, BVA or NVA; found '{text2}'");
                }
            }
        }

        return new StepSettings(settings, classes);
    }
}
