namespace Stepwise.Cli.Tests;

/// <summary>Runs the stepwise command in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = StepwiseCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
