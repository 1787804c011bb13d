using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Json;
using Stepwise.Workbench.Accounts;

namespace Stepwise.Web.Api.Accounts;

/// <summary>The caller's own account and, for administrators, everyone's.</summary>
public static class AccountsApi
{
    /// <summary>Maps <c>/me</c> and <c>/users</c>.</summary>
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me", (Caller caller, Workbench.Workbench bench) => TypedResults.Ok(bench.Accounts.User(caller.Actor, caller.Actor.Name)))
            .WithTags("Accounts")
            .WithName("GetMe")
            .WithSummary("The account you are calling as")
            .WithDescription("Who a token or sign-in acts as: a script's first call.");

        var users = api.MapGroup("/users").WithTags("Accounts");

        users.MapGet("/", (Caller caller, Workbench.Workbench bench) => TypedResults.Ok(bench.Accounts.Users(caller.Actor)))
            .WithName("ListUsers")
            .WithSummary("Every account (who can be added to a review)");

        users.MapPost("/", (Caller caller, JsonBody<NewUserBody> body, Workbench.Workbench bench) =>
            {
                var b = body.Value;
                var created = bench.Accounts.CreateUser(caller.Actor, new NewUser { Name = b.Name, DisplayName = b.DisplayName, Password = b.Password, IsAdministrator = b.Administrator });
                return TypedResults.Created($"{ApiRoutes.Prefix}/users/{Uri.EscapeDataString(created.Name)}", created);
            })
            .WithName("CreateUser")
            .WithSummary("Create an account (administrators)")
            .ProducesProblems(400, 403, 409);

        users.MapGet("/{name}", (Caller caller, string name, Workbench.Workbench bench) => TypedResults.Ok(bench.Accounts.User(caller.Actor, name)))
            .WithName("GetUser")
            .WithSummary("One account")
            .ProducesProblems(404);

        users.MapPatch("/{name}", (Caller caller, string name, JsonBody<UserChangeBody> body, Workbench.Workbench bench)
                => TypedResults.Ok(bench.Accounts.ChangeUser(caller.Actor, name, body.Value.Administrator, body.Value.Disabled, body.Value.DisplayName)))
            .WithName("ChangeUser")
            .WithSummary("Make an account an administrator or not, disable or enable it, rename it (administrators)")
            .ProducesProblems(400, 403, 404, 409);

        users.MapPut("/{name}/password", (Caller caller, string name, JsonBody<PasswordBody> body, Workbench.Workbench bench) =>
            {
                bench.Accounts.SetPassword(caller.Actor, name, body.Value.Password, body.Value.CurrentPassword);
                return TypedResults.NoContent();
            })
            .WithName("SetPassword")
            .WithSummary("Set a password: your own (with current_password), or anyone's as an administrator")
            .ProducesProblems(400, 403, 404);

        return api;
    }
}
