namespace Stepwise.Text.Tokens;

/// <summary>
/// Splits comments into lower-cased words, redaction placeholders and the punctuation that bounds clauses and sentences. Curly apostrophes
/// are read as straight ones, so <c>didn’t</c> and <c>didn't</c> are the same word.
/// </summary>
public static class Tokenizer
{
    /// <summary>The tokens of <paramref name="text"/>.</summary>
    public static List<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5);
        Span<char> buffer = stackalloc char[64];
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                int start = i;
                int upper = 0, letters = 0;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start)))
                {
                    if (char.IsLetter(text[i]))
                    {
                        letters++;
                        if (char.IsUpper(text[i]))
                        {
                            upper++;
                        }
                    }

                    i++;
                }

                int length = i - start;
                string word;
                if (length <= buffer.Length)
                {
                    var span = buffer[..length];
                    for (int k = 0; k < length; k++)
                    {
                        char ch = text[start + k];
                        span[k] = IsApostrophe(ch) ? '\'' : char.ToLowerInvariant(ch);
                    }

                    word = new string(span);
                }
                else
                {
                    word = text.Substring(start, length).ToLowerInvariant();
                }

                tokens.Add(new Token(TokenKind.Word, word, start, length, letters >= 2 && upper == letters));
                continue;
            }

            if (c == '[' && PlaceholderLength(text, i) is int placeholder and > 0)
            {
                tokens.Add(new Token(TokenKind.Placeholder, text.Substring(i, placeholder), i, placeholder, false));
                i += placeholder;
                continue;
            }

            switch (c)
            {
                case '.' or '?' or '\n' or '\r':
                    if (tokens.Count > 0 && tokens[^1].Kind is TokenKind.Word or TokenKind.ClauseBreak or TokenKind.Placeholder)
                    {
                        tokens.Add(new Token(TokenKind.SentenceEnd, c.ToString(), i, 1, false));
                    }

                    break;
                case '!':
                    tokens.Add(new Token(TokenKind.Exclamation, "!", i, 1, false));
                    break;
                case ',' or ';' or ':' or '(' or ')' or '–' or '—':
                    tokens.Add(new Token(TokenKind.ClauseBreak, c.ToString(), i, 1, false));
                    break;
                case '-' when i + 1 < text.Length && text[i + 1] == ' ' && i > 0 && text[i - 1] == ' ':
                    tokens.Add(new Token(TokenKind.ClauseBreak, "-", i, 1, false));
                    break;
                default:
                    break;
            }

            i++;
        }

        return tokens;
    }

    // "[name]", "[email]": a bracket, two to twelve lower-case letters, a bracket.
    private static int PlaceholderLength(string text, int at)
    {
        int i = at + 1;
        while (i < text.Length && i - at <= 13 && text[i] is >= 'a' and <= 'z')
        {
            i++;
        }

        return i < text.Length && text[i] == ']' && i - at - 1 >= 2 ? i - at + 1 : 0;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘';
}
