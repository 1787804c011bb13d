using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;

namespace Stepwise.Cli.Infrastructure;

/// <summary>
/// Writes a command's help in the command-line framework's own layout (description, usage, arguments, options,
/// subcommands, wrapped to the width given), with plain loops instead of the framework's queries. The framework's
/// writer builds each option's label through generic queries over tuples that no ahead-of-time image holds, so every
/// <c>--help</c> paid for compiling them; that was a third of the command's start-up. Tests hold this writer to the
/// framework's output for every command of the tree at several widths.
/// </summary>
internal static class CommandHelp
{
    private const string Indent = "  ";

    /// <summary>Writes the help of <paramref name="command"/> to <paramref name="output"/>, wrapped at <paramref name="maxWidth"/>.</summary>
    public static void Write(Command command, TextWriter output, int maxWidth)
    {
        if (command.Hidden)
        {
            return;
        }

        if (maxWidth <= 0)
        {
            maxWidth = int.MaxValue;
        }

        WriteHeading("Description:", command.Description, output, maxWidth);
        output.WriteLine();
        WriteHeading("Usage:", Usage(command), output, maxWidth);
        output.WriteLine();
        WriteSection("Arguments:", ArgumentRows(command), output, maxWidth);
        WriteSection("Options:", OptionRows(command), output, maxWidth);
        WriteSection("Commands:", SubcommandRows(command), output, maxWidth);
        if (!command.TreatUnmatchedTokensAsErrors)
        {
            WriteHeading("Additional Arguments:", "Arguments passed to the application that is being run.", output, maxWidth);
            output.WriteLine();
        }
    }

    /// <summary>The help action the command's help option runs: this writer, at the console's width.</summary>
    internal sealed class Action : SynchronousCommandLineAction
    {
        /// <summary>The width to wrap at; when not given (0), the console's, unbounded when output is redirected.</summary>
        public int MaxWidth { get; init; }

        /// <inheritdoc />
        public override bool ClearsParseErrors => true;

        /// <inheritdoc />
        public override int Invoke(ParseResult parseResult)
        {
            // The console is asked only when help is written: every command line builds this action.
            Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output, MaxWidth > 0 ? MaxWidth : ConsoleWidth());
            return 0;
        }

        private static int ConsoleWidth()
        {
            try
            {
                return Console.IsOutputRedirected ? int.MaxValue : Console.WindowWidth;
            }
            catch (IOException)
            {
                return int.MaxValue;
            }
            catch (PlatformNotSupportedException)
            {
                return int.MaxValue;
            }
        }
    }

    /// <summary>Puts this writer behind every help option of <paramref name="root"/>.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Action = new Action();
            }
        }
    }

    private static void WriteSection(string heading, List<Row> rows, TextWriter output, int maxWidth)
    {
        if (rows.Count == 0)
        {
            return;
        }

        output.WriteLine(heading);
        WriteColumns(rows, output, maxWidth);
        output.WriteLine();
    }

    private static void WriteHeading(string heading, string? description, TextWriter output, int maxWidth)
    {
        output.WriteLine(heading);
        if (string.IsNullOrWhiteSpace(description))
        {
            return;
        }

        foreach (string line in Wrap(description, maxWidth - Indent.Length))
        {
            output.Write(Indent);
            output.WriteLine(line);
        }
    }

    /// <summary>
    /// Two columns: the first as wide as its widest text when both fit, else at most half the width (its texts
    /// wrapped) and the second the rest; a row's second column starts two spaces after the first's width.
    /// </summary>
    private static void WriteColumns(List<Row> rows, TextWriter output, int maxWidth)
    {
        int first = 0, second = 0;
        foreach (var row in rows)
        {
            first = Math.Max(first, row.First.Length);
            second = Math.Max(second, row.Second.Length);
        }

        if ((long)first + second + 2 * Indent.Length > maxWidth)
        {
            int firstLimit = maxWidth / 2 - Indent.Length;
            if (first > firstLimit)
            {
                first = 0;
                foreach (var row in rows)
                {
                    foreach (string line in Wrap(row.First, firstLimit))
                    {
                        first = Math.Max(first, line.Length);
                    }
                }
            }

            second = maxWidth - first - 2 * Indent.Length;
        }

        var line1 = new List<string>();
        var line2 = new List<string>();
        foreach (var row in rows)
        {
            line1.Clear();
            line1.AddRange(Wrap(row.First, first));
            line2.Clear();
            line2.AddRange(Wrap(row.Second, second));
            for (int i = 0; i < Math.Max(line1.Count, line2.Count); i++)
            {
                string left = i < line1.Count ? line1[i] : string.Empty;
                output.Write(Indent);
                output.Write(left);
                if (i < line2.Count && !string.IsNullOrWhiteSpace(line2[i]))
                {
                    for (int pad = left.Length; pad < first; pad++)
                    {
                        output.Write(' ');
                    }

                    output.Write(Indent);
                    output.Write(line2[i]);
                }

                output.WriteLine();
            }
        }
    }

    /// <summary>
    /// Splits <paramref name="text"/> at its line breaks, then each line longer than <paramref name="width"/> into pieces
    /// of at most that many characters, breaking after the last white space that fits (or at the width when none does)
    /// until what remains is shorter than the width. Nothing for blank text.
    /// </summary>
    internal static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return lines;
        }

        // Below one character nothing fits; the width only reaches that on a console a few characters wide.
        width = Math.Max(width, 1);

        foreach (string part in text.Split(["\r\n", "\n"], StringSplitOptions.None))
        {
            if (part.Length <= width)
            {
                lines.Add(part);
                continue;
            }

            int start = 0;
            while (start < part.Length)
            {
                if (part.Length - start < width)
                {
                    lines.Add(part[start..]);
                    break;
                }

                int length = -1;
                for (int k = 0; k < width && start + k < part.Length; k++)
                {
                    if (char.IsWhiteSpace(part[start + k]))
                    {
                        length = k + 1;
                    }
                }

                if (length <= 0)
                {
                    length = width;
                }

                lines.Add(part.Substring(start, length));
                start += length;
            }
        }

        return lines;
    }

    /// <summary>The commands from the root down to <paramref name="command"/>.</summary>
    private static List<Command> Path(Command command)
    {
        var path = new List<Command>();
        for (Command? current = command; current is not null; current = ParentCommand(current))
        {
            path.Add(current);
        }

        path.Reverse();
        return path;
    }

    private static Command? ParentCommand(Symbol symbol)
    {
        foreach (var parent in symbol.Parents)
        {
            if (parent is Command command)
            {
                return command;
            }
        }

        return null;
    }

    /// <summary>The usage line: each command of the path with its arguments, then what may follow.</summary>
    private static string Usage(Command command)
    {
        var parts = new List<string>();
        bool recursiveOptions = false;
        foreach (var step in Path(command))
        {
            foreach (var option in step.Options)
            {
                recursiveOptions |= option.Recursive && !option.Hidden;
            }

            parts.Add(step.Name);
            if (step.Arguments.Count > 0)
            {
                parts.Add(ArgumentUsage(step.Arguments));
            }
        }

        if (AnyVisible(command.Subcommands))
        {
            parts.Add("[command]");
        }

        if (recursiveOptions || AnyVisible(command.Options))
        {
            parts.Add("[options]");
        }

        if (!command.TreatUnmatchedTokensAsErrors)
        {
            parts.Add("[[--] <additional arguments>...]]");
        }

        parts.RemoveAll(string.IsNullOrWhiteSpace);
        return string.Join(' ', parts);
    }

    private static bool AnyVisible<T>(IList<T> symbols) where T : Symbol
    {
        foreach (var symbol in symbols)
        {
            if (!symbol.Hidden)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Arguments as usage shows them: <c>&lt;A&gt;</c>, optional ones bracketed and nested, <c>...</c> for many.</summary>
    private static string ArgumentUsage(IList<Argument> arguments)
    {
        var text = new StringBuilder();
        int open = 0;
        foreach (var argument in arguments)
        {
            if (argument.Hidden)
            {
                continue;
            }

            string many = argument.Arity.MaximumNumberOfValues > 1 ? "..." : string.Empty;
            if (argument.Arity.MinimumNumberOfValues == 0)
            {
                text.Append("[<").Append(argument.Name).Append('>').Append(many);
                open++;
            }
            else
            {
                text.Append('<').Append(argument.Name).Append('>').Append(many);
            }

            text.Append(' ');
        }

        if (text.Length > 0)
        {
            text.Length--;
            for (int i = 0; i < open; i++)
            {
                text.Append(']');
            }
        }

        return text.ToString();
    }

    /// <summary>The visible arguments of every command of the path, each once.</summary>
    private static List<Row> ArgumentRows(Command command)
    {
        var rows = new List<Row>();
        foreach (var step in Path(command))
        {
            foreach (var argument in step.Arguments)
            {
                if (argument.Hidden)
                {
                    continue;
                }

                string defaults = ShowsDefault(argument) ? DefaultText(argument.GetDefaultValue()) : string.Empty;
                string second = argument.Description ?? string.Empty;
                if (!string.IsNullOrWhiteSpace(defaults))
                {
                    second += " [default: " + defaults + "]";
                }

                var row = new Row(ValueLabel(argument) ?? "<" + argument.Name + ">", second.Trim());
                if (!rows.Contains(row))
                {
                    rows.Add(row);
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// The command's own visible options (help and version last), then the recursive options of each command above
    /// it, nearest first (the help option once).
    /// </summary>
    private static List<Row> OptionRows(Command command)
    {
        var rows = new List<Row>();
        bool ownHelp = false;
        foreach (bool last in (ReadOnlySpan<bool>)[false, true])
        {
            foreach (var option in command.Options)
            {
                if (!option.Hidden && (option is HelpOption or VersionOption) == last)
                {
                    ownHelp |= option is HelpOption;
                    rows.Add(OptionRow(option));
                }
            }
        }

        for (Command? parent = ParentCommand(command); parent is not null; parent = ParentCommand(parent))
        {
            foreach (var option in parent.Options)
            {
                if (option.Recursive && !option.Hidden && !(option is HelpOption && ownHelp))
                {
                    rows.Add(OptionRow(option));
                }
            }
        }

        return rows;
    }

    private static List<Row> SubcommandRows(Command command)
    {
        var rows = new List<Row>();
        foreach (var subcommand in command.Subcommands)
        {
            if (subcommand.Hidden)
            {
                continue;
            }

            string label = Names(subcommand.Name, subcommand.Aliases);
            var shown = new List<Argument>();
            foreach (var argument in subcommand.Arguments)
            {
                if (argument.Hidden)
                {
                    continue;
                }

                label += " " + (ValueLabel(argument) ?? "<" + argument.Name + ">");
                if (ShowsDefault(argument))
                {
                    shown.Add(argument);
                }
            }

            var defaults = new List<string>();
            foreach (var argument in shown)
            {
                string value = DefaultText(argument.GetDefaultValue());
                defaults.Add(string.IsNullOrWhiteSpace(value) ? string.Empty
                    : (shown.Count == 1 ? "default" : argument.Name) + ": " + value);
            }

            string joined = string.Join(", ", defaults);
            string second = subcommand.Description ?? string.Empty;
            rows.Add(new Row(label, (string.IsNullOrEmpty(joined) ? second : second + " [" + joined + "]").Trim()));
        }

        return rows;
    }

    private static Row OptionRow(Option option)
    {
        string label = Names(option.Name, option.Aliases);
        if (!option.Hidden && ValueLabel(option) is { } value && !string.IsNullOrWhiteSpace(value))
        {
            label += " " + value;
        }

        if (option.Required)
        {
            label += " (REQUIRED)";
        }

        string second = option.Description ?? string.Empty;
        if (ShowsDefault(option) && DefaultText(option.GetDefaultValue()) is { } defaults
            && !string.IsNullOrWhiteSpace(defaults))
        {
            second += " [default: " + defaults + "]";
        }

        return new Row(label, second.Trim());
    }

    /// <summary>
    /// A symbol's names for the first column: each name once (whatever its prefix), ordered by prefix then name,
    /// ignoring case, joined with commas: <c>-?, -h, --help</c>.
    /// </summary>
    private static string Names(string name, ICollection<string> aliases)
    {
        var names = new Name[aliases.Count + 1];
        names[0] = SplitPrefix(name);
        int count = 1;
        foreach (string alias in aliases)
        {
            names[count++] = SplitPrefix(alias);
        }

        // A stable insertion sort: equal keys keep their order, as the framework's ordering does.
        for (int i = 1; i < names.Length; i++)
        {
            var item = names[i];
            int j = i - 1;
            while (j >= 0 && Compare(names[j], item) > 0)
            {
                names[j + 1] = names[j];
                j--;
            }

            names[j + 1] = item;
        }

        var text = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in names)
        {
            if (seen.Add(item.Alias))
            {
                text.Append(text.Length > 0 ? ", " : string.Empty).Append(item.Prefix).Append(item.Alias);
            }
        }

        return text.ToString();

        static int Compare(Name x, Name y)
        {
            int byPrefix = StringComparer.OrdinalIgnoreCase.Compare(x.Prefix, y.Prefix);
            return byPrefix != 0 ? byPrefix : StringComparer.OrdinalIgnoreCase.Compare(x.Alias, y.Alias);
        }
    }

    private static Name SplitPrefix(string name) => name switch
    {
        ['/', ..] => new Name("/", name[1..]),
        ['-', '-', ..] => new Name("--", name[2..]),
        ['-', ..] => new Name("-", name[1..]),
        _ => new Name(null, name),
    };

    /// <summary>A row of a two-column section (a class: lists of a struct of this assembly would be compiled at run time).</summary>
    private sealed record Row(string First, string Second);

    /// <summary>A symbol's name split into its prefix (<c>-</c>, <c>--</c>, <c>/</c> or none) and the rest.</summary>
    private readonly record struct Name(string? Prefix, string Alias);

    /// <summary>
    /// What a value is called in the first column: its help name, else the values it may take, else (options) its
    /// name; none for flags.
    /// </summary>
    private static string? ValueLabel(Symbol symbol)
    {
        string? helpName;
        Type valueType;
        ArgumentArity arity;
        int sources;
        if (symbol is Option option)
        {
            helpName = option.HelpName;
            valueType = option.ValueType;
            arity = option.Arity;
            sources = option.CompletionSources.Count;
        }
        else
        {
            var argument = (Argument)symbol;
            helpName = argument.HelpName;
            valueType = argument.ValueType;
            arity = argument.Arity;
            sources = argument.CompletionSources.Count;
        }

        if (!string.IsNullOrWhiteSpace(helpName))
        {
            return "<" + helpName + ">";
        }

        if (valueType == typeof(bool) || valueType == typeof(bool?) || arity.MaximumNumberOfValues <= 0)
        {
            return null;
        }

        if (sources == 0)
        {
            return symbol is Option ? "<" + symbol.Name.TrimStart('-', '/') + ">" : null;
        }

        var values = new StringBuilder();
        foreach (var item in symbol.GetCompletions(CompletionContext.Empty))
        {
            values.Append(values.Length > 0 ? "|" : string.Empty).Append(item.Label);
        }

        return values.Length > 0 ? "<" + values + ">" : null;
    }

    private static bool ShowsDefault(Option option) =>
        option.HasDefaultValue && option.ValueType != typeof(bool) && option.ValueType != typeof(bool?);

    private static bool ShowsDefault(Argument argument) =>
        argument.HasDefaultValue && argument.ValueType != typeof(bool) && argument.ValueType != typeof(bool?);

    private static string DefaultText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        System.Collections.IEnumerable values => JoinValues(values),
        _ => value.ToString() ?? string.Empty,
    };

    private static string JoinValues(System.Collections.IEnumerable values)
    {
        var text = new StringBuilder();
        bool any = false;
        foreach (object? value in values)
        {
            text.Append(any ? "|" : string.Empty).Append(value);
            any = true;
        }

        return text.ToString();
    }
}
