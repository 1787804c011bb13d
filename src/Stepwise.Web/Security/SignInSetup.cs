using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Web.Hosting;

namespace Stepwise.Web.Security;

/// <summary>
/// Cookie sign-in for local accounts (HttpOnly, Secure when served over HTTPS, SameSite=Lax, eight hours sliding),
/// and OpenID Connect as an option for team servers: the provider's user is bound to a Stepwise account by the
/// use-case layer on first sign-in.
/// </summary>
internal static class SignInSetup
{
    /// <summary>The OpenID Connect scheme's name.</summary>
    public const string ExternalScheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static IServiceCollection AddStepwiseSignIn(this IServiceCollection services, WebHostSettings settings)
    {
        var auth = services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        });
        auth.AddCookie(options =>
        {
            options.Cookie.Name = "stepwise.signin";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/signin";
            options.LogoutPath = "/signout";
            options.AccessDeniedPath = "/";
        });

        if (settings.OpenId is { } openId)
        {
            auth.AddOpenIdConnect(ExternalScheme, openId.DisplayName, options =>
            {
                options.Authority = openId.Authority;
                options.ClientId = openId.ClientId;
                options.ClientSecret = openId.ClientSecret;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.SaveTokens = false;
                options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.CallbackPath = "/signin/external/callback";
                options.Scope.Clear();
                options.Scope.Add("openid");
                options.Scope.Add("profile");
                options.Scope.Add("email");
                options.Events.OnTokenValidated = context =>
                {
                    var user = context.Principal!;
                    string issuer = user.FindFirstValue("iss") ?? openId.Authority;
                    string subject = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub")
                        ?? throw new AuthenticationFailureException("The identity provider sent no subject.");
                    string preferred = user.FindFirstValue("preferred_username") ?? user.FindFirstValue(ClaimTypes.Email) ?? subject;
                    var bench = context.HttpContext.RequestServices.GetRequiredService<Workbench.Workbench>();
                    var actor = bench.Accounts.ExternalSignIn(issuer, subject, preferred, user.FindFirstValue("name"));
                    context.Principal = ActorPrincipal.From(actor);
                    return Task.CompletedTask;
                };
            });
        }

        services.AddAuthorization();
        return services;
    }
}
