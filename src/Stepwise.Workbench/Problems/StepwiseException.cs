namespace Stepwise.Workbench.Problems;

/// <summary>
/// A failure the user can understand and act on, raised by the use-case layer: its <see cref="Kind"/> decides the exit
/// code and HTTP status (see <see cref="ProblemCatalog"/>), its message is written for the user.
/// </summary>
public sealed class StepwiseException : Exception
{
    /// <summary>Creates a problem of a kind with a message for the user.</summary>
    public StepwiseException(ProblemKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Errors = [];
    }

    /// <summary>Creates an <see cref="ProblemKind.InvalidValue"/> problem listing every bad field at once.</summary>
    public StepwiseException(IReadOnlyList<FieldError> errors)
        : base(Describe(errors))
    {
        ArgumentNullException.ThrowIfNull(errors);
        Kind = ProblemKind.InvalidValue;
        Errors = errors;
    }

    /// <summary>The kind of failure.</summary>
    public ProblemKind Kind { get; }

    /// <summary>The bad fields, for <see cref="ProblemKind.InvalidValue"/>.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Where in an input file the problem is, if it concerns one.</summary>
    public FileLocation? Location { get; init; }

    /// <summary>Who or what is missing, for <see cref="ProblemKind.NotFound"/> (e.g. "review 0193…").</summary>
    public string? Subject { get; init; }

    /// <summary>A problem for one bad field.</summary>
    public static StepwiseException Invalid(string field, string message) => new([new FieldError(field, message)]);

    /// <summary>A missing review, artefact, data source, user or token.</summary>
    public static StepwiseException NotFound(string message, string? subject = null) => new(ProblemKind.NotFound, message) { Subject = subject };

    /// <summary>A refused action.</summary>
    public static StepwiseException Forbidden(string message) => new(ProblemKind.Forbidden, message);

    private static string Describe(IReadOnlyList<FieldError> errors) => errors.Count switch
    {
        0 => "The request is not valid.",
        1 => $"{errors[0].Field}: {errors[0].Message}",
        _ => "The request has " + errors.Count + " problems: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
    };
}
