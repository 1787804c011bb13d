using System.CommandLine;
using System.Globalization;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Accounts;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise token</c>: personal access tokens for scripts that call the HTTP API.</summary>
internal static class TokenCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "token";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "Personal access tokens for scripts that call the HTTP API (Authorization: Bearer TOKEN). Only a hash of each token is kept.";

    public static Command Create()
    {
        var command = new Command(Name, Description);
        var o = ReviewOptions.AddTo(command);
        command.Subcommands.Add(New(o));
        command.Subcommands.Add(List(o));
        command.Subcommands.Add(Revoke(o));
        return command;
    }

    private static Command New(ReviewOptions o)
    {
        var user = new Option<string?>("--user") { Description = "Whose token (default: yours; another account's for administrators)." };
        var name = new Option<string>("--name") { Description = "What the token is for, e.g. \"nightly import\".", DefaultValueFactory = _ => "command line" };
        var days = new Option<int?>("--expires-in-days") { Description = "Days until the token stops working (default: never)." };
        var command = new Command("create", "Create a token and print it once: store it safely, it cannot be shown again.") { user, name, days };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            var created = session.Bench.Accounts.CreateToken(session.Actor, parse.GetValue(user), parse.GetValue(name)!, parse.GetValue(days) is { } d ? TimeSpan.FromDays(d) : null);
            var record = Record(created.Token).Add("token", created.Secret);
            context.Warn("the token is shown once; it is not stored and cannot be shown again.");
            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(o.Format));
        });
        return command;
    }

    private static Command List(ReviewOptions o)
    {
        var user = new Option<string?>("--user") { Description = "Whose tokens (default: yours)." };
        var all = new Option<bool>("--all") { Description = "Everyone's tokens (administrators)." };
        var command = new Command("list", "List tokens (never their secrets).") { user, all };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            var table = new ResultTable("tokens", [new("id"), new("user"), new("name"), new("prefix"), new("created_at", CellKind.Timestamp), new("expires_at", CellKind.Timestamp), new("revoked_at", CellKind.Timestamp), new("active", CellKind.Boolean)]);
            foreach (var t in session.Bench.Accounts.Tokens(session.Actor, parse.GetValue(user), parse.GetValue(all)))
            {
                table.Add(t.Id.ToString("D"), t.UserName, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.Active);
            }

            return CommonOptions.Print(context, new Report().Add(table), parse.GetValue(o.Format));
        });
        return command;
    }

    private static Command Revoke(ReviewOptions o)
    {
        var id = new Argument<string>("token") { Description = "The token's id (or a unique prefix of it), or its listed prefix." };
        var command = new Command("revoke", "Revoke a token: it stops working at once.") { id };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            var token = session.Bench.Accounts.RevokeToken(session.Actor, parse.GetValue(id)!);
            return CommonOptions.Print(context, new Report().Add(Record(token)), parse.GetValue(o.Format));
        });
        return command;
    }

    private static ResultRecord Record(TokenSummary t) => new ResultRecord("token")
        .Add("id", t.Id.ToString("D"))
        .Add("user", t.UserName)
        .Add("name", t.Name)
        .Add("prefix", t.Prefix)
        .Add("expires_at", t.ExpiresAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
        .Add("active", t.Active, CellKind.Boolean);
}
