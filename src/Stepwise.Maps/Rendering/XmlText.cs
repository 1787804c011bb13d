using System.Text;

namespace Stepwise.Maps.Rendering;

/// <summary>Escapes user text (activity names, attribute values) for XML content and attributes, replacing characters
/// XML 1.0 cannot hold, so that no name can break or inject markup.</summary>
internal static class XmlText
{
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var rune in Clean(text).EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '&':
                    sb.Append("&amp;");
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '"':
                    sb.Append("&quot;");
                    break;
                case '\'':
                    sb.Append("&#39;");
                    break;
                case '\n' or '\r' or '\t':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(rune.ToString());
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>The text with characters XML 1.0 does not allow (controls, lone surrogates, U+FFFE/U+FFFF) replaced by U+FFFD.</summary>
    public static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || (c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF')
            {
                sb.Append('\uFFFD');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
