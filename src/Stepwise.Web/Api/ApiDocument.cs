using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Stepwise.Web.Api;

/// <summary>What the OpenAPI document says about the API as a whole: its title, and how callers authenticate.</summary>
internal static class ApiDocument
{
    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Stepwise API",
                Version = "v1",
                Description = "Review and re-engineer customer-service processes: the same use cases as the stepwise command and the web app. "
                    + "Authenticate with a personal access token (Authorization: Bearer swt_…) or the web app's sign-in cookie. "
                    + "Every failure is an RFC 9457 problem document; every artefact has an ETag, and every change needs If-Match.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["token"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal access token (swt_…), created under Tokens in the web app, with 'stepwise token create', or POST /api/v1/tokens.",
            };
            document.Components.SecuritySchemes["cookie"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "stepwise.signin",
                Description = "The web app's sign-in cookie (changes only from Stepwise's own pages).",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("token", document)] = [] });
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("cookie", document)] = [] });
            return Task.CompletedTask;
        });
    }
}
