namespace Stepwise.Charts.Drawing;

/// <summary>
/// Colours safe for the common forms of colour blindness (Okabe and Ito, 2008), with text and grid greys that keep
/// a contrast of at least 4.5:1 (text) on white. Series are also told apart by marker shape and dash, not colour alone.
/// </summary>
internal static class Palette
{
    public const string Blue = "#0072B2";
    public const string Orange = "#E69F00";
    public const string Green = "#009E73";
    public const string Vermillion = "#D55E00";
    public const string Purple = "#CC79A7";
    public const string SkyBlue = "#56B4E9";
    public const string Text = "#1F2933";
    public const string MutedText = "#52606D";
    public const string Axis = "#7B8794";
    public const string Grid = "#E4E7EB";
    public const string Background = "#FFFFFF";
    public const string LightBlue = "#9CC9E8";

    /// <summary>Series colours in order (yellow left out: too faint on white).</summary>
    public static readonly string[] Series = [Blue, Orange, Green, Vermillion, Purple, SkyBlue, "#000000"];

    /// <summary>Dash patterns that go with the series colours.</summary>
    public static readonly string[] Dashes = [string.Empty, "6 3", "2 3", "8 3 2 3", "4 4", "1 2", "10 4"];

    public static string SeriesColor(int index) => Series[index % Series.Length];

    public static string SeriesDash(int index) => Dashes[index % Dashes.Length];
}
