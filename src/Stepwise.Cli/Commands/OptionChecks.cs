using System.CommandLine;
using Stepwise.Cli.Output;

namespace Stepwise.Cli.Commands;

/// <summary>Checks on option values that every verb shares.</summary>
public static class OptionChecks
{
    /// <summary>
    /// Refuses a value with a line break, carriage return, escape or other control character: names of people and of
    /// who made a change are stored and shown in histories and sign-offs, where such characters could forge a line.
    /// </summary>
    public static TOption RefuseControlCharacters<TOption>(this TOption option)
        where TOption : Option
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (TerminalText.HasControl(token.Value))
                {
                    result.AddError($"{option.Name}: '{TerminalText.Escape(token.Value)}' holds a line break or control character; give a plain name.");
                }
            }
        });
        return option;
    }
}
