using System.Globalization;

namespace Stepwise.Cli.Output;

/// <summary>Counts as people write them: "1 case", "4,580 cases".</summary>
public static class Counted
{
    /// <summary><paramref name="count"/> (with thousands separators) and the noun that agrees with it.</summary>
    public static string Of(long count, string one, string many) => count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
