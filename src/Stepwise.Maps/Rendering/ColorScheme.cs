using System.Globalization;

namespace Stepwise.Maps.Rendering;

/// <summary>The colours of one scheme. Scales run from a light to a dark colour with luminance falling steadily, so
/// they still read when printed in black and white. Each map uses one scale: counts or times; hand-overs are marked by
/// dashes, never by a colour.</summary>
internal sealed record ColorScheme(
    string Background,
    string Text,
    string MutedText,
    string NodeLow,
    string NodeHigh,
    string NodeStroke,
    string TerminalFill,
    string TerminalStroke,
    string NodeNeutral,
    string Edge,
    string[] TimeScale,
    string LaneFill,
    string LaneAltFill,
    string LaneStroke,
    string LaneTitle)
{
    public static ColorScheme Light { get; } = new(
        Background: "#ffffff",
        Text: "#1b2631",
        MutedText: "#5d6d7e",
        NodeLow: "#eaf2fb",
        NodeHigh: "#1c5d99",
        NodeStroke: "#2c4a66",
        TerminalFill: "#f4f6f7",
        TerminalStroke: "#2c3e50",
        NodeNeutral: "#f4f6f7",
        Edge: "#5f7385",
        TimeScale: ["#fff3c4", "#f9b44c", "#e0602b", "#a31f1f"],
        LaneFill: "#f7f9fb",
        LaneAltFill: "#edf1f5",
        LaneStroke: "#b8c4d0",
        LaneTitle: "#34495e");

    public static ColorScheme Print { get; } = new(
        Background: "#ffffff",
        Text: "#000000",
        MutedText: "#333333",
        NodeLow: "#ffffff",
        NodeHigh: "#7a7a7a",
        NodeStroke: "#000000",
        TerminalFill: "#ffffff",
        TerminalStroke: "#000000",
        NodeNeutral: "#ffffff",
        Edge: "#404040",
        TimeScale: ["#e6e6e6", "#a6a6a6", "#595959", "#000000"],
        LaneFill: "#ffffff",
        LaneAltFill: "#f2f2f2",
        LaneStroke: "#000000",
        LaneTitle: "#000000");

    public static ColorScheme Of(MapScheme scheme) => scheme == MapScheme.Print ? Print : Light;

    /// <summary>The colour at <paramref name="t"/> (0..1) between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public static string Mix(string from, string to, double t)
    {
        t = Math.Clamp(double.IsNaN(t) ? 0 : t, 0, 1);
        var (r0, g0, b0) = Parse(from);
        var (r1, g1, b1) = Parse(to);
        int r = (int)Math.Round(r0 + ((r1 - r0) * t));
        int g = (int)Math.Round(g0 + ((g1 - g0) * t));
        int b = (int)Math.Round(b0 + ((b1 - b0) * t));
        return string.Create(CultureInfo.InvariantCulture, $"#{r:x2}{g:x2}{b:x2}");
    }

    /// <summary>The colour at <paramref name="t"/> (0..1) along a scale of several stops.</summary>
    public static string Along(string[] stops, double t)
    {
        t = Math.Clamp(double.IsNaN(t) ? 0 : t, 0, 1);
        double at = t * (stops.Length - 1);
        int i = Math.Min((int)Math.Floor(at), stops.Length - 2);
        return Mix(stops[i], stops[i + 1], at - i);
    }

    /// <summary>Whether dark text is readable on <paramref name="fill"/> (relative luminance above 0.179, where black and white text have equal contrast).</summary>
    public static bool IsLight(string fill)
    {
        var (r, g, b) = Parse(fill);
        static double Linear(int c)
        {
            double s = c / 255.0;
            return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Linear(r)) + (0.7152 * Linear(g)) + (0.0722 * Linear(b)) > 0.179;
    }

    private static (int R, int G, int B) Parse(string hex)
        => (int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
