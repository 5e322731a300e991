namespace CityBridge.Web.Features.Shared;

/// <summary>
/// "Not allowed" as the API answers it: 403 problem details to a signed-in caller, 401 to an anonymous one, who may
/// well be allowed after signing in. Anonymous callers never get 403 from the API.
/// </summary>
public sealed class ForbiddenOrSignIn(string detail) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => (httpContext.User.Identity?.IsAuthenticated == true
        ? TypedResults.Problem(title: "Not allowed", detail: detail, statusCode: StatusCodes.Status403Forbidden)
        : TypedResults.Problem(title: "Sign-in required", detail: $"Sign in or send a personal API token. {detail}", statusCode: StatusCodes.Status401Unauthorized))
        .ExecuteAsync(httpContext);
}
