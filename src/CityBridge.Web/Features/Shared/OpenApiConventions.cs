using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CityBridge.Web.Features.Shared;

/// <summary>
/// What the OpenAPI document says about every API operation alike: personal API tokens are bearer tokens, and any
/// /api operation may refuse with 401 (no or bad credentials) or 403 (not allowed for this user).
/// </summary>
public static class OpenApiConventions
{
    public const string BearerScheme = "Bearer";

    public static void Apply(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal API token (created on the account page), sent as `Authorization: Bearer <token>`. " +
                    "Reading public collections needs no token; changes need one with the write scope.",
            };
            // Either a bearer token or nothing (public reads): the empty requirement says anonymous use is possible.
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }, new OpenApiSecurityRequirement()];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            {
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Sign-in or a valid bearer token is required." });
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The signed-in user or token may not do this." });
            }

            return Task.CompletedTask;
        });
    }
}
