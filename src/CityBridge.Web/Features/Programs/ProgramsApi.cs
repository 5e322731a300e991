using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Programs;

/// <summary>The programs API: HTTP in, a <see cref="ProgramWorkflow"/> call, HTTP out. The rules live in the workflow.</summary>
public static class ProgramsApi
{
    public static void MapProgramsApi(this IEndpointRouteBuilder app)
    {
        var programs = app.MapGroup("/api/programs").WithTags("programs").AddEndpointFilter<BrowserSessionCsrfFilter>();

        programs.MapGet("/", ListAsync).WithSummary("Programs, published ones for everyone, all for staff; filter by kind, sector and upcoming.");
        programs.MapGet("/{id:int}", ReadAsync).ProducesRefusals(RefusalKind.NotFound).WithSummary("One program with its agenda.");
        programs.MapPost("/", CreateAsync).ProducesRefusals(RefusalKind.Invalid).WithSummary("Create a program with its agenda (staff).");
        programs.MapPut("/{id:int}", UpdateAsync).ProducesRefusals(RefusalKind.Invalid, RefusalKind.NotFound, RefusalKind.Conflict).WithSummary("Change a program (staff); send the version you read. Participants are told of agenda changes.");
        programs.MapDelete("/{id:int}", DeleteAsync).ProducesRefusals(RefusalKind.NotFound, RefusalKind.Conflict).WithSummary("Delete a program without registrations (staff).");
        programs.MapGet("/{id:int}/registrations", RegistrationsAsync).ProducesRefusals(RefusalKind.NotFound).WithSummary("Registrations: all for staff, your own for everyone else.");
        programs.MapPost("/{id:int}/registrations", ApplyAsync).ProducesRefusals(RefusalKind.Invalid, RefusalKind.NotFound, RefusalKind.Conflict)
            .WithSummary("Apply for the program yourself; city officials link one of their city's priority projects.");
        programs.MapPost("/{id:int}/registrations/{registrationId:int}/{action}", ChangeRegistrationAsync).ProducesRefusals(RefusalKind.Invalid, RefusalKind.NotFound, RefusalKind.Conflict)
            .WithSummary("approve, waitlist, cancel or checkin a registration (staff; a registrant may cancel their own).");
        programs.MapPost("/{id:int}/invitations", InviteAsync).ProducesRefusals(RefusalKind.Invalid, RefusalKind.NotFound, RefusalKind.Conflict).WithSummary("Invite people by the e-mail of their account or contact record (staff).");
        programs.MapPost("/{id:int}/feedback", GiveFeedbackAsync).ProducesRefusals(RefusalKind.Invalid, RefusalKind.NotFound, RefusalKind.Conflict).WithSummary("Your feedback once the program has started: a score from 1 to 5 and a comment, once.");
        programs.MapGet("/{id:int}/itinerary", ItineraryAsync).ProducesRefusals(RefusalKind.NotFound)
            .WithSummary("The city visits of an expert delegation in order, each with its flags (overlap, travel, dates).");
        programs.MapPut("/{id:int}/itinerary", SaveItineraryAsync).ProducesRefusals(RefusalKind.Invalid, RefusalKind.NotFound).WithSummary("Replace the itinerary (staff); flags warn but do not block.");
        programs.MapGet("/{id:int}/report", ReportAsync).ProducesRefusals(RefusalKind.NotFound).WithSummary("The program report: attendance, meetings held, feedback, follow-up opportunities (staff).");
        programs.MapGet("/{id:int}/report.csv", ReportCsvAsync).Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesRefusals(RefusalKind.NotFound).WithSummary("The program report as CSV (staff).");
    }

    private static async Task<Ok<CollectionResponse<ProgramDto>>> ListAsync([AsParameters] ProgramFilter filter, CityBridgeDb db, CurrentActor current, TimeProvider clock, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        var query = filter.Apply(db.Programs.AsNoTracking().Include(p => p.Sessions), actor, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var page = await query.ToPageAsync(filter, ct);
        return TypedResults.Ok(new CollectionResponse<ProgramDto>(page.Items.Select(ProgramViews.ToDto).ToList(), page.Total, page.Page, page.PageSize));
    }

    private static async Task<Results<Ok<ProgramDto>, ProblemHttpResult>> ReadAsync(int id, ProgramWorkflow flow, CurrentActor current, CancellationToken ct) =>
        await flow.FindAsync(id, await current.GetAsync(ct), ct) is { } p ? TypedResults.Ok(ProgramViews.ToDto(p)) : ProgramWorkflow.NotFound(id).ToProblem();

    private static async Task<Results<Created<ProgramDto>, ProblemHttpResult>> CreateAsync(ProgramInput input, ProgramWorkflow flow, CurrentActor current, CancellationToken ct)
    {
        var (saved, refusal) = await flow.CreateAsync(input, await current.GetAsync(ct), ct);
        return refusal is null ? TypedResults.Created($"/api/programs/{saved!.Id}", ProgramViews.ToDto(saved)) : refusal.ToProblem();
    }

    private static async Task<Results<Ok<ProgramDto>, ProblemHttpResult>> UpdateAsync(int id, ProgramInput input, ProgramWorkflow flow, CurrentActor current, CancellationToken ct)
    {
        var (saved, refusal) = await flow.UpdateAsync(id, input, await current.GetAsync(ct), ct);
        return refusal is null ? TypedResults.Ok(ProgramViews.ToDto(saved!)) : refusal.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, ProgramWorkflow flow, CurrentActor current, CancellationToken ct) =>
        Refusal.NoContentOr(await flow.DeleteAsync(id, await current.GetAsync(ct), ct));

    private static async Task<Results<Ok<CollectionResponse<RegistrationView>>, ProblemHttpResult>> RegistrationsAsync(int id, ProgramWorkflow flow, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (await flow.FindAsync(id, actor, ct) is null)
        {
            return ProgramWorkflow.NotFound(id).ToProblem();
        }

        if (!actor.IsSignedIn)
        {
            return Refusal.SignInRequired("Sign in to see your registration.").ToProblem();
        }

        var items = await flow.RegistrationsAsync(id, actor.IsStaff ? null : actor.UserId, ct);
        return TypedResults.Ok(new CollectionResponse<RegistrationView>(items, items.Count, 1, Math.Max(1, items.Count)));
    }

    private static async Task<Results<Created<RegistrationView>, ProblemHttpResult>> ApplyAsync(int id, ApplyInput? input, ProgramWorkflow flow, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        var (registration, refusal) = await flow.ApplyAsync(id, actor, input?.ProjectId, ct);
        return refusal is not null
            ? refusal.ToProblem()
            : TypedResults.Created($"/api/programs/{id}/registrations", (await flow.RegistrationsAsync(id, actor.UserId, ct)).Single(r => r.Id == registration!.Id));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeRegistrationAsync(int id, int registrationId, string action, ProgramWorkflow flow, CurrentActor current, CancellationToken ct) =>
        Refusal.NoContentOr(await flow.ChangeAsync(id, registrationId, action, await current.GetAsync(ct), ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> InviteAsync(int id, InviteInput input, ProgramWorkflow flow, CurrentActor current, CancellationToken ct) =>
        Refusal.NoContentOr(await flow.InviteAsync(id, input.Emails ?? [], await current.GetAsync(ct), ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> GiveFeedbackAsync(int id, FeedbackInput input, ProgramWorkflow flow, CurrentActor current, CancellationToken ct) =>
        Refusal.NoContentOr(await flow.GiveFeedbackAsync(id, await current.GetAsync(ct), input.Score, input.Comment, ct));

    private static async Task<Results<Ok<CollectionResponse<VisitView>>, ProblemHttpResult>> ItineraryAsync(int id, ProgramWorkflow flow, ProgramItinerary itinerary, CurrentActor current, CancellationToken ct)
    {
        if (await flow.FindAsync(id, await current.GetAsync(ct), ct) is null)
        {
            return ProgramWorkflow.NotFound(id).ToProblem();
        }

        var items = await itinerary.ReadAsync(id, ct);
        return TypedResults.Ok(new CollectionResponse<VisitView>(items, items.Count, 1, Math.Max(1, items.Count)));
    }

    private static async Task<Results<Ok<CollectionResponse<VisitView>>, ProblemHttpResult>> SaveItineraryAsync(int id, ItineraryInput input, ProgramItinerary itinerary, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (!ProgramWorkflow.MayManage(actor))
        {
            return Refusal.Denied(actor, "Only program staff plan itineraries.").ToProblem();
        }

        if (await itinerary.SaveAsync(id, input.Visits ?? [], ct) is { } refusal)
        {
            return refusal.ToProblem();
        }

        var items = await itinerary.ReadAsync(id, ct);
        return TypedResults.Ok(new CollectionResponse<VisitView>(items, input.Visits?.Count ?? 0, 1, Math.Max(1, input.Visits?.Count ?? 0)));
    }

    private static async Task<Results<Ok<ProgramReportView>, ProblemHttpResult>> ReportAsync(int id, ProgramReport report, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        return !actor.IsStaff ? Refusal.Denied(actor, "Only program staff read reports.").ToProblem()
            : await report.BuildAsync(id, ct) is { } view ? TypedResults.Ok(view) : ProgramWorkflow.NotFound(id).ToProblem();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ReportCsvAsync(int id, ProgramReport report, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        return !actor.IsStaff ? Refusal.Denied(actor, "Only program staff read reports.").ToProblem()
            : await report.BuildAsync(id, ct) is { } view
                ? TypedResults.File(ProgramReport.ToCsv(view), "text/csv; charset=utf-8", $"citybridge-program-{id}-report.csv")
                : ProgramWorkflow.NotFound(id).ToProblem();
    }
}
