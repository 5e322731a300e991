using CityBridge.Web.Features.Account;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CityBridge.Web.Features.Shared;

/// <summary>
/// API writes made with a browser's sign-in cookie must carry the antiforgery token (header X-CSRF-TOKEN), so another
/// site cannot make a signed-in user's browser change data. Requests with a personal API token need none.
/// </summary>
public sealed class BrowserSessionCsrfFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        if (unsafeMethod && http.User.Identity is { IsAuthenticated: true, AuthenticationType: var type } && type == IdentityConstants.ApplicationScheme)
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return TypedResults.Problem(title: "Missing antiforgery token", statusCode: StatusCodes.Status400BadRequest,
                    detail: $"Changes through the API from a browser session need the X-CSRF-TOKEN header; integrations should use a personal API token ({ApiTokenHandler.Prefix}…).");
            }
        }

        return await next(context);
    }
}
