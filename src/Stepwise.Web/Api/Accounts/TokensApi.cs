using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Json;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Accounts;

/// <summary>Personal access tokens for scripts: the secret is returned once, at creation; only its hash is kept.</summary>
public static class TokensApi
{
    /// <summary>Maps <c>/tokens</c>.</summary>
    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Tokens");

        tokens.MapGet("/", (Caller caller, string? user, bool? all, Workbench.Workbench bench) => TypedResults.Ok(bench.Accounts.Tokens(caller.Actor, user, all ?? false)))
            .WithName("ListTokens")
            .WithSummary("Your tokens (administrators: ?user=NAME or ?all=true)")
            .WithDescription("Never the secrets: each token's id, name, the first characters of its secret, when it was created, expires and was revoked.")
            .ProducesProblems(403, 404);

        tokens.MapPost("/", (Caller caller, JsonBody<NewTokenBody> body, Workbench.Workbench bench) =>
            {
                var b = body.Value;
                if (b.ExpiresInDays is < 1 or > 3650)
                {
                    throw StepwiseException.Invalid("expires_in_days", "must be between 1 and 3650.");
                }

                var created = bench.Accounts.CreateToken(caller.Actor, b.User, b.Name, b.ExpiresInDays is { } days ? TimeSpan.FromDays(days) : null);
                return TypedResults.Created($"{ApiRoutes.Prefix}/tokens/{created.Token.Id:D}", created);
            })
            .WithName("CreateToken")
            .WithSummary("Create a token (the secret is in this response only)")
            .WithDescription("Send the secret as Authorization: Bearer swt_…; it is never shown again. Administrators may create one for another user.")
            .ProducesProblems(400, 403, 404);

        tokens.MapDelete("/{tokenId}", (Caller caller, string tokenId, Workbench.Workbench bench) => TypedResults.Ok(bench.Accounts.RevokeToken(caller.Actor, tokenId)))
            .WithName("RevokeToken")
            .WithSummary("Revoke a token (by id, a unique prefix of it, or its secret's prefix); it stops working at once")
            .ProducesProblems(400, 404);

        return api;
    }
}
