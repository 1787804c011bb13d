namespace Stepwise.Workbench.Problems;

/// <summary>
/// A problem with one field of a request. <paramref name="Field"/> is the field's name in snake_case as the HTTP API
/// spells it (the command line shows it as the option <c>--field-name</c>); <paramref name="Message"/> says what was
/// expected, without repeating the name, so every host shows the same words.
/// </summary>
/// <param name="Field">The field, e.g. <c>budget</c> or <c>time_window.from</c>.</param>
/// <param name="Message">What is wrong and what is expected, e.g. "cannot be negative (got -5)".</param>
public sealed record FieldError(string Field, string Message)
{
    /// <summary>The command-line option that sets the field, e.g. <c>--time-window-from</c>.</summary>
    public string OptionName => "--" + Field.Replace('_', '-').Replace('.', '-');

    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}
