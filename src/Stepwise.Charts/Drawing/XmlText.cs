using System.Text;

namespace Stepwise.Charts.Drawing;

/// <summary>Escapes user text (step names, survey items, periods) for XML content and attributes, replacing characters
/// XML 1.0 cannot hold, so that no label can break or inject markup.</summary>
internal static class XmlText
{
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
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
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c) || c < 0x20 || c is '\uFFFE' or '\uFFFF')
                    {
                        sb.Append('\uFFFD');
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }
}
