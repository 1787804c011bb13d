using System.Globalization;

namespace Stepwise.Statistics.Feedback;

/// <summary>
/// Reads cell text on the import's hot path: missing markers are looked up only for values that could be one, and
/// one-digit numbers (most rating answers) are read without the general number parser.
/// </summary>
internal sealed class CellValues
{
    private readonly HashSet<string> _missing;
    private readonly int _longestMarker;
    private readonly bool _digitMarkers;

    public CellValues(HashSet<string> missing)
    {
        _missing = missing;
        foreach (string marker in missing)
        {
            _longestMarker = Math.Max(_longestMarker, marker.Length);
            _digitMarkers |= marker.Length > 0 && char.IsAsciiDigit(marker[0]);
        }
    }

    public bool IsMissing(string value)
    {
        if (value.Length == 0)
        {
            return _missing.Contains(value);
        }

        if (value.Length > _longestMarker || (!_digitMarkers && char.IsAsciiDigit(value[0])))
        {
            return false;
        }

        return _missing.Contains(value);
    }

    public static bool TryParseNumber(string value, out double number)
    {
        if (value.Length == 1 && char.IsAsciiDigit(value[0]))
        {
            number = value[0] - '0';
            return true;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }
}
