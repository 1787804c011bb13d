using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Data;

/// <summary>A request to import an event log file into a review: the file and how to read it.</summary>
public sealed record ImportRequest
{
    /// <summary>Where the file is (a web host passes the path of the upload it saved).</summary>
    public required string Path { get; init; }

    /// <summary>The file's name as the user knows it (the upload's name); the name in <see cref="Path"/> when empty.</summary>
    public string? FileName { get; init; }

    /// <summary>How to read it.</summary>
    public LogReadRequest Read { get; init; } = new();

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation().Text("file", Path, 4000).Text("file_name", FileName, 400, required: false);
        foreach (var error in (Read ?? new LogReadRequest()).Validate().Errors)
        {
            v.Add(error.Field, error.Message);
        }

        return v;
    }
}
