using System.Globalization;
using System.Text;

namespace Stepwise.Cli.Output;

/// <summary>
/// Makes user text safe to print on a terminal: line breaks, carriage returns, tabs, escape sequences and other
/// control characters (C0, DEL, C1), and the Unicode controls that reorder or hide text (bidirectional overrides and
/// isolates), are shown as visible escapes (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\x1B</c>, <c>\u202E</c>) instead of
/// acting on the screen. So a value can never forge a row of a table, move the cursor or recolour the output.
/// </summary>
public static class TerminalText
{
    /// <summary>The text with every control character escaped (the text itself when it has none).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (IsControl(text[i]))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        result.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (!IsControl(c))
            {
                result.Append(c);
                continue;
            }

            result.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < '\u0100' => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }

        return result.ToString();
    }

    /// <summary>Escapes each line of a message of several lines (an error listing problems) and keeps the line breaks.</summary>
    public static string EscapeLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return HasControl(text) ? string.Join(Environment.NewLine, text.ReplaceLineEndings("\n").Split('\n').Select(Escape)) : text;
    }

    /// <summary>Whether <paramref name="text"/> holds a character that <see cref="Escape"/> would escape.</summary>
    public static bool HasControl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (char c in text)
        {
            if (IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsControl(char c)
        => c < ' ' || (c >= '\u007F' && c <= '\u009F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
            || c is '\u200E' or '\u200F' or '\u061C' or '\u2028' or '\u2029';
}
