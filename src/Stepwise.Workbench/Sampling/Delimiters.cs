namespace Stepwise.Workbench.Sampling;

/// <summary>Delimiters as users name them.</summary>
internal static class Delimiters
{
    public static char? Parse(string? text) => text?.ToLowerInvariant() switch
    {
        null or "" or "auto" => null,
        "tab" or "\\t" or "\t" => '\t',
        "comma" => ',',
        "semicolon" => ';',
        "pipe" => '|',
        { Length: 1 } one => one[0],
        _ => null,
    };
}
