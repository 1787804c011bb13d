using System.Globalization;

namespace Stepwise.Mining.Time;

/// <summary>Durations as people write them in options and files: <c>90s</c>, <c>45m</c>, <c>4h</c>, <c>1.5d</c>,
/// <c>8w</c>, or a .NET time span such as <c>1.02:00:00</c>.</summary>
public static class DurationText
{
    /// <summary>Parses <paramref name="text"/>; false for anything else, and for negative durations.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = default;
        text = text.Trim();
        if (text.Length > 1 && double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double n) && n >= 0 && double.IsFinite(n))
        {
            double? days = char.ToLowerInvariant(text[^1]) switch
            {
                's' => n / 86400,
                'm' => n / 1440,
                'h' => n / 24,
                'd' => n,
                'w' => 7 * n,
                _ => null,
            };
            if (days is { } d)
            {
                duration = TimeSpan.FromTicks((long)Math.Round(d * TimeSpan.TicksPerDay));
                return true;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
    }
}
