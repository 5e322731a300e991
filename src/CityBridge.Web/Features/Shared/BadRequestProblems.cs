using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace CityBridge.Web.Features.Shared;

/// <summary>
/// An API request whose body or parameters cannot be read (a string where a number belongs, broken JSON) answers 400
/// problem details naming the field, instead of an empty 400 or a server error.
/// </summary>
public sealed class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || !httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        var json = exception.InnerException as JsonException;
        var field = json?.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        var details = new Microsoft.AspNetCore.Mvc.ValidationProblemDetails
        {
            Status = bad.StatusCode,
            Title = "The request could not be read.",
            Detail = field is null ? "The body is not valid JSON of the expected shape." : $"'{field}' does not have a value of the expected type.",
        };
        if (field is not null)
        {
            details.Errors[field] = [$"'{field}' does not have a value of the expected type (a number where a number is expected, finite and without quotes)."];
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}
