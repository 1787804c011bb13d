using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Accounts;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise user</c>: the accounts of a workspace (administrators add and change them).</summary>
internal static class UserCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "user";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "The accounts of a workspace: list them; administrators add accounts, set passwords, and make or unmake administrators.";

    public static Command Create()
    {
        var command = new Command(Name, Description);
        var o = ReviewOptions.AddTo(command);
        command.Subcommands.Add(List(o));
        command.Subcommands.Add(Add(o));
        command.Subcommands.Add(Password(o));
        command.Subcommands.Add(Change(o));
        return command;
    }

    private static Command List(ReviewOptions o)
    {
        var command = new Command("list", "List the accounts.");
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            var table = new ResultTable("users", [new("user"), new("name"), new("administrator", CellKind.Boolean), new("password", CellKind.Boolean), new("disabled", CellKind.Boolean), new("created_at", CellKind.Timestamp)]);
            foreach (var u in session.Bench.Accounts.Users(session.Actor))
            {
                table.Add(u.Name, u.DisplayName, u.IsAdministrator, u.HasPassword, u.Disabled, u.CreatedAt);
            }

            return CommonOptions.Print(context, new Report().Add(table), parse.GetValue(o.Format));
        });
        return command;
    }

    private static Command Add(ReviewOptions o)
    {
        var name = new Argument<string>("name") { Description = "The user name (sign-in name)." };
        var display = new Option<string?>("--display-name") { Description = "The name others see, e.g. \"Sam Sponsor\"." };
        var admin = new Option<bool>("--admin") { Description = "Make the account an administrator of the workspace." };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read a password for web sign-in from standard input (at least 10 characters)." };
        var command = new Command("add", "Add an account (administrators only). Without a password it can act through the command line and tokens; set one for the web app.") { name, display, admin, stdin };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            var user = session.Bench.Accounts.CreateUser(session.Actor, new NewUser
            {
                Name = parse.GetValue(name)!,
                DisplayName = parse.GetValue(display),
                IsAdministrator = parse.GetValue(admin),
                Password = parse.GetValue(stdin) ? ReadPassword() : null,
            });
            return CommonOptions.Print(context, new Report().Add(Record(user)), parse.GetValue(o.Format));
        });
        return command;
    }

    private static Command Password(ReviewOptions o)
    {
        var name = new Argument<string?>("name") { Description = "Whose password (default: your own; another's for administrators).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("password", "Set a password for web sign-in, read from standard input (at least 10 characters).") { name };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            string who = parse.GetValue(name) ?? session.Actor.Name;
            session.Bench.Accounts.SetPassword(session.Actor, who, ReadPassword());
            var record = new ResultRecord("user").Add("user", who).Add("password_set", true, CellKind.Boolean);
            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(o.Format));
        });
        return command;
    }

    private static Command Change(ReviewOptions o)
    {
        var name = new Argument<string>("name") { Description = "The account's user name." };
        var admin = new Option<bool?>("--admin") { Description = "true or false: whether the account administers the workspace." };
        var disabled = new Option<bool?>("--disabled") { Description = "true or false: a disabled account cannot sign in, use tokens or the command line." };
        var display = new Option<string?>("--display-name") { Description = "A new display name." };
        var command = new Command("change", "Change an account (administrators only).") { name, admin, disabled, display };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            var user = session.Bench.Accounts.ChangeUser(session.Actor, parse.GetValue(name)!, parse.GetValue(admin), parse.GetValue(disabled), parse.GetValue(display));
            return CommonOptions.Print(context, new Report().Add(Record(user)), parse.GetValue(o.Format));
        });
        return command;
    }

    private static ResultRecord Record(UserSummary u) => new ResultRecord("user")
        .Add("user", u.Name)
        .Add("name", u.DisplayName)
        .Add("administrator", u.IsAdministrator, CellKind.Boolean)
        .Add("password", u.HasPassword, CellKind.Boolean)
        .Add("disabled", u.Disabled, CellKind.Boolean);

    private static string ReadPassword()
    {
        string? line = Console.In.ReadLine();
        return string.IsNullOrEmpty(line) ? throw new UserError("--password-stdin: no password was given on standard input.") : line.TrimEnd('\r', '\n');
    }
}
