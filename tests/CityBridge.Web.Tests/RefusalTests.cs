using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CityBridge.Testing;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace CityBridge.Web.Tests;

/// <summary>
/// The one refusal type and its two mappings: each kind to its HTTP status and problem body (API), and to Forbid,
/// Challenge, 404 or messages beside the fields (pages).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RefusalTests(AppFixture apps)
{
    private static readonly Actor SignedIn = new("user-1", "Ana", new HashSet<string> { Roles.Provider }, null, null, new HashSet<int>(), MayWrite: true);

    public static TheoryData<string, int, string> Kinds => new()
    {
        { nameof(RefusalKind.NotFound), StatusCodes.Status404NotFound, "Not found" },
        { nameof(RefusalKind.Conflict), StatusCodes.Status409Conflict, "Conflict" },
        { nameof(RefusalKind.Forbidden), StatusCodes.Status403Forbidden, "Not allowed" },
        { nameof(RefusalKind.SignInRequired), StatusCodes.Status401Unauthorized, "Sign-in required" },
        { nameof(RefusalKind.Invalid), StatusCodes.Status400BadRequest, Refusal.InvalidTitle },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_refusal_kind_answers_its_status_with_a_problem_whose_detail_is_the_message(string kind, int status, string title)
    {
        var refusal = new Refusal(Enum.Parse<RefusalKind>(kind), "Why not, in words.", new Dictionary<string, string[]>());

        var (answered, contentType, body) = await ExecuteAsync(refusal.ToProblem());

        Assert.Equal(status, answered);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.Equal(title, body.GetProperty("title").GetString());
        Assert.Equal("Why not, in words.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_invalid_input_is_a_validation_problem_with_every_field_message_under_its_json_name()
    {
        var errors = new ValidationErrors();
        errors.Add("name", "Give the program a name.");
        errors.Add("sessions[0]", "A session ends after it starts.");

        var (status, _, body) = await ExecuteAsync(Refusal.Invalid(errors).ToProblem());

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal(Refusal.InvalidTitle, body.GetProperty("title").GetString());
        Assert.Equal("Give the program a name.", body.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal("A session ends after it starts.", body.GetProperty("errors").GetProperty("sessions[0]")[0].GetString());
    }

    [Fact]
    public void Denied_asks_an_anonymous_caller_to_sign_in_and_forbids_a_signed_in_one()
    {
        Assert.Equal(RefusalKind.SignInRequired, Refusal.Denied(Actor.Anonymous, "Staff only.").Kind);
        Assert.Equal(RefusalKind.Forbidden, Refusal.Denied(SignedIn, "Staff only.").Kind);
    }

    [Fact]
    public void A_page_forbids_a_signed_in_user_challenges_an_anonymous_one_and_answers_404_for_its_missing_record()
    {
        Assert.IsType<ForbidResult>(NewPage().Refuse(Refusal.Denied(SignedIn, "Staff only.")));
        Assert.IsType<ChallengeResult>(NewPage().Refuse(Refusal.Denied(Actor.Anonymous, "Staff only.")));
        Assert.IsType<NotFoundResult>(NewPage().Refuse(Refusal.NotFound("There is no program with id 9."), missingRecordIsNotFound: true));
    }

    [Fact]
    public void A_page_shows_a_field_message_beside_its_field_and_any_other_message_at_the_top()
    {
        var page = NewPage();

        Assert.Null(page.Refuse(Refusal.Invalid("Choose a priority of 1 to 3.", "priority"), prefix: "Input"));
        Assert.Null(page.Refuse(Refusal.Conflict("The program was changed since you read it; reload and try again.")));

        Assert.Equal("Choose a priority of 1 to 3.", page.ModelState.MessageFor("Input.Priority"));
        Assert.Equal("The program was changed since you read it; reload and try again.", page.ModelState.PageMessage());
    }

    [Fact]
    public async Task The_program_form_shows_each_validation_message_beside_its_field_and_saves_nothing()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);
        var name = $"Refused program {Guid.NewGuid():N}";

        var (response, html) = await FormPost.AsAsync(app.Staff, "/Programs/Edit", "/Programs/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.Place"] = name,
            ["Input.TimeZone"] = "Asia/Jakarta",
        });
        var list = await app.Staff.GetStringAsync($"/api/programs?pageSize=100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(new Regex("data-valmsg-for=\"Input.Name\"[^>]*>Give the program a name.</span>"), html);
        Assert.Matches(new Regex("data-valmsg-for=\"Input.Kind\"[^>]*>Choose the kind of program.</span>"), html);
        Assert.DoesNotContain(name, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_programs_API_answers_a_refused_create_with_the_same_messages_the_page_shows()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);

        var refused = await app.Staff.PostAsJsonAsync("/api/programs", new { name = "", timeZone = "Asia/Jakarta" });
        var anonymous = await app.Client.PostAsJsonAsync("/api/programs", new { name = "Anonymous program", timeZone = "Asia/Jakarta" });
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        using var signIn = JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Give the program a name.", problem.RootElement.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Sign-in required", signIn.RootElement.GetProperty("title").GetString());
    }

    private static TestPage NewPage() => new() { PageContext = new PageContext() };

    private sealed class TestPage : PageModel;

    private static async Task<(int Status, string? ContentType, JsonElement Body)> ExecuteAsync(ProblemHttpResult result)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        using var document = await JsonDocument.ParseAsync(context.Response.Body);
        return (context.Response.StatusCode, context.Response.ContentType, document.RootElement.Clone());
    }
}
