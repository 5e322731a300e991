using CityBridge.Web.Features.Account;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Shared;

/// <summary>What kind of "no" a workflow answered; each kind has one HTTP status and one page behaviour.</summary>
public enum RefusalKind
{
    /// <summary>The input breaks a rule: 400, with the field it concerns where there is one.</summary>
    Invalid,

    /// <summary>The record the request names does not exist or is not visible to the actor: 404.</summary>
    NotFound,

    /// <summary>The request clashes with the record's state or with a concurrent change: 409.</summary>
    Conflict,

    /// <summary>A signed-in actor may not do this: 403.</summary>
    Forbidden,

    /// <summary>An anonymous caller may not do this and might after signing in: 401.</summary>
    SignInRequired,
}

/// <summary>
/// Why a workflow refused a request: one type for the whole app. <see cref="ToProblem"/> is its only mapping to the
/// API's RFC 9457 problem details and <see cref="RefusalPages"/> its only mapping to a Razor page.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Message, IReadOnlyDictionary<string, string[]> FieldErrors)
{
    public const string InvalidTitle = "The input is not valid.";

    /// <summary>The field the refusal concerns (JSON name, e.g. "projectId"), or null for the request as a whole.</summary>
    public string? Field => FieldErrors.Keys.FirstOrDefault();

    public static Refusal Invalid(string message, string? field = null) => Of(RefusalKind.Invalid, message, field);

    /// <summary>Every field message of a validation at once.</summary>
    public static Refusal Invalid(ValidationErrors errors) => new(RefusalKind.Invalid, InvalidTitle, errors.ToDictionary().AsReadOnly());

    public static Refusal NotFound(string message, string? field = null) => Of(RefusalKind.NotFound, message, field);

    public static Refusal Conflict(string message, string? field = null) => Of(RefusalKind.Conflict, message, field);

    /// <summary>Not for this actor: Forbidden when signed in, SignInRequired when anonymous (the API never answers 403 to an anonymous caller).</summary>
    public static Refusal Denied(Actor actor, string message) =>
        Of(actor.IsSignedIn ? RefusalKind.Forbidden : RefusalKind.SignInRequired, message, null);

    public static Refusal SignInRequired(string message) => Of(RefusalKind.SignInRequired, message, null);

    /// <summary>Only for a caller known to be signed in; otherwise use <see cref="Denied"/>.</summary>
    public static Refusal Forbidden(string message) => Of(RefusalKind.Forbidden, message, null);

    private static Refusal Of(RefusalKind kind, string message, string? field) =>
        new(kind, message, field is null ? EmptyErrors : new Dictionary<string, string[]> { [field] = [message] }.AsReadOnly());

    private static readonly IReadOnlyDictionary<string, string[]> EmptyErrors = new Dictionary<string, string[]>().AsReadOnly();

    /// <summary>The HTTP status of the kind.</summary>
    public int Status => Kind switch
    {
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status401Unauthorized,
    };

    public string Title => Kind switch
    {
        RefusalKind.Invalid => InvalidTitle,
        RefusalKind.NotFound => "Not found",
        RefusalKind.Conflict => "Conflict",
        RefusalKind.Forbidden => "Not allowed",
        _ => "Sign-in required",
    };

    /// <summary>
    /// The API's answer: problem details with the kind's status and title and the message as detail; an invalid input
    /// with field errors is a validation problem (<c>errors</c> keyed by the JSON field name).
    /// </summary>
    public ProblemHttpResult ToProblem() => TypedResults.Problem(Kind == RefusalKind.Invalid && FieldErrors.Count > 0
        ? new HttpValidationProblemDetails(FieldErrors.ToDictionary()) { Status = Status, Title = Title }
        : new ProblemDetails { Status = Status, Title = Title, Detail = Message });

    /// <summary>The API's answer to a write with nothing to return: 204 No Content, or the refusal's problem.</summary>
    public static Results<NoContent, ProblemHttpResult> NoContentOr(Refusal? refusal) => refusal is null ? TypedResults.NoContent() : refusal.ToProblem();
}

/// <summary>The pages' side of <see cref="Refusal"/>: Forbid, Challenge, or messages beside the fields and at the top.</summary>
public static class RefusalPages
{
    /// <summary>
    /// After a page's action: done gives a flash and a redirect to the page; a refusal goes through <see cref="Refuse"/>.
    /// Null means "show the page again", with the refusal's messages in the model state.
    /// </summary>
    public static IActionResult? Settle(this PageModel page, Refusal? refusal, string done, object? routeValues)
    {
        if (refusal is null)
        {
            page.TempData["Flash"] = done;
            return page.RedirectToPage(routeValues);
        }

        return page.Refuse(refusal);
    }

    /// <summary>
    /// A refusal on a page: Forbid when the signed-in user may not act, Challenge to sign in, 404 when
    /// <paramref name="missingRecordIsNotFound"/> (the page's own record is gone); otherwise null after putting the
    /// field messages beside their fields (model-state key <paramref name="prefix"/>.Field) and the rest at the top.
    /// </summary>
    public static IActionResult? Refuse(this PageModel page, Refusal refusal, string? prefix = null, bool missingRecordIsNotFound = false)
    {
        switch (refusal.Kind)
        {
            case RefusalKind.Forbidden:
                return page.Forbid();
            case RefusalKind.SignInRequired:
                return page.Challenge();
            case RefusalKind.NotFound when missingRecordIsNotFound:
                return page.NotFound();
        }

        refusal.CopyTo(page.ModelState, prefix);
        return null;
    }

    /// <summary>Field messages under "<paramref name="prefix"/>.Field" (or "field" without a prefix); a refusal without fields at the top (key "").</summary>
    public static void CopyTo(this Refusal refusal, ModelStateDictionary modelState, string? prefix = null)
    {
        if (refusal.FieldErrors.Count == 0)
        {
            modelState.AddModelError(string.Empty, refusal.Message);
            return;
        }

        foreach (var (field, messages) in refusal.FieldErrors)
        {
            var key = field.Length == 0 ? string.Empty : prefix is null ? field : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }

    /// <summary>The messages of one field (model-state key), joined, or null.</summary>
    public static string? MessageFor(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    /// <summary>
    /// The message for the top of the page: the form-level messages (key ""). Field messages stand beside their field
    /// and in the layout's error summary.
    /// </summary>
    public static string? PageMessage(this ModelStateDictionary modelState) => modelState.MessageFor(string.Empty);
}

/// <summary>The OpenAPI side of <see cref="Refusal"/>: the refusals an operation may answer (401 and 403 come from <see cref="OpenApiConventions"/>).</summary>
public static class RefusalMetadata
{
    public static RouteHandlerBuilder ProducesRefusals(this RouteHandlerBuilder builder, params RefusalKind[] kinds)
    {
        foreach (var kind in kinds.Distinct())
        {
            _ = kind switch
            {
                RefusalKind.Invalid => builder.ProducesValidationProblem(),
                RefusalKind.NotFound => builder.ProducesProblem(StatusCodes.Status404NotFound),
                RefusalKind.Conflict => builder.ProducesProblem(StatusCodes.Status409Conflict),
                RefusalKind.Forbidden => builder.ProducesProblem(StatusCodes.Status403Forbidden),
                _ => builder.ProducesProblem(StatusCodes.Status401Unauthorized),
            };
        }

        return builder;
    }
}
