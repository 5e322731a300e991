using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Events;

public sealed record CheckInInput(string? Code);

public sealed record AttendanceInput(MeetingAttendance? Attendance);

public sealed record MeetingFeedbackInput(bool? Useful, bool? FollowUpWanted);

public sealed record FillInput(int MeetingId, int SlotIndex, int Table);

/// <summary>How many waiting meetings the scheduler placed into free places.</summary>
public sealed record FillResult(int Placed);

/// <summary>A user's calendar feed addresses.</summary>
public sealed record CalendarFeedView(Uri Webcal, Uri Https);

/// <summary>The event day (check-in, attendance, ratings, freed places, funnel) and the calendar files and feeds.</summary>
public static class EventDayApi
{
    private const string Calendar = "text/calendar; charset=utf-8";

    public static void MapEventDayApi(this IEndpointRouteBuilder app)
    {
        // The feed is read by calendar apps, which carry no cookie: the secret token in the address is the key.
        app.MapGet("/calendar/{token}.ics", ReadFeedAsync).AllowAnonymous().ExcludeFromDescription();

        var feeds = app.MapGroup("/api/calendar-feed").WithTags("calendar").AddEndpointFilter<BrowserSessionCsrfFilter>();
        feeds.MapGet("/", GetFeedAsync).Produces<CalendarFeedView>().Produces(StatusCodes.Status204NoContent).WithSummary("Your personal calendar feed's address, if you have one.");
        feeds.MapPost("/", RenewFeedAsync).Produces<CalendarFeedView>().WithSummary("Create or replace your calendar feed's secret address; the old one stops working.");
        feeds.MapPost("/revoke", RevokeFeedAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Revoke your calendar feed.");

        app.MapGet("/api/programs/{id:int}/agenda.ics", ProgramCalendarAsync).WithTags("programs")
            .WithSummary("A program's sessions as an iCalendar file.");

        var events = app.MapGroup("/api/events/{id:int}").WithTags("events").AddEndpointFilter<BrowserSessionCsrfFilter>();
        events.MapPost("/checkin", CheckInAsync)
            .Produces<CheckInView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Check a participant in by the code on their agenda (staff).");
        events.MapPost("/meetings/{meetingId:int}/attendance", MarkAsync)
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Mark a meeting held or a no-show (either side or staff).");
        events.MapPost("/meetings/{meetingId:int}/feedback", RateAsync)
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Rate a held meeting: useful, and whether you want a follow-up.");
        events.MapGet("/freed", FreedAsync).Produces<List<FreedSlot>>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Places freed by no-shows and cancellations, with meetings that could take them (staff).");
        events.MapPost("/freed", FillAsync)
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Put a waiting meeting into a freed place; both people are told (staff).");
        events.MapPost("/freed/fill", FillWithSchedulerAsync)
            .Produces<FillResult>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Let the scheduler fill every free place ahead with waiting meetings, moving no one; their people are told (staff).");
        events.MapGet("/funnel", FunnelAsync).WithSummary("Requests to contracts, with acceptance and no-show rates (staff).");
        events.MapGet("/funnel.csv", FunnelCsvAsync).WithSummary("The funnel as CSV (staff).");
    }

    private static async Task<IResult> ReadFeedAsync(string token, CalendarFeeds feeds, CancellationToken ct) =>
        token.Length is > 0 and <= 64 && await feeds.FeedAsync(token, ct) is { } ics
            ? TypedResults.Text(ics, Calendar)
            : TypedResults.NotFound();

    private static async Task<IResult> GetFeedAsync(CalendarFeeds feeds, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor.UserId is null)
        {
            return Refusal.Denied(actor, "Sign in to see your calendar feed.").ToProblem();
        }

        return await feeds.TokenAsync(actor.UserId, ct) is { } token ? TypedResults.Ok(View(feeds, token)) : TypedResults.NoContent();
    }

    private static async Task<IResult> RenewFeedAsync(CalendarFeeds feeds, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        return actor.UserId is null || !actor.MayWrite
            ? Refusal.Denied(actor, "Sign in to get a calendar feed.").ToProblem()
            : TypedResults.Ok(View(feeds, await feeds.RenewAsync(actor.UserId, ct)));
    }

    private static async Task<IResult> RevokeFeedAsync(CalendarFeeds feeds, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor.UserId is null || !actor.MayWrite)
        {
            return Refusal.Denied(actor, "Sign in to revoke your calendar feed.").ToProblem();
        }

        await feeds.RevokeAsync(actor.UserId, ct);
        return TypedResults.NoContent();
    }

    private static CalendarFeedView View(CalendarFeeds feeds, string token)
    {
        var (webcal, https) = feeds.FeedUrls(token);
        return new CalendarFeedView(webcal, https);
    }

    private static async Task<IResult> ProgramCalendarAsync(int id, CalendarFeeds feeds, CurrentActor current, CancellationToken ct) =>
        await feeds.ProgramAsync(id, await current.GetAsync(ct), ct) is { } ics
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), Calendar, $"citybridge-program-{id}.ics")
            : Programs.ProgramWorkflow.NotFound(id).ToProblem();

    private static async Task<IResult> CheckInAsync(int id, CheckInInput input, EventDay day, CurrentActor current, CancellationToken ct)
    {
        var (found, refusal) = await day.CheckInAsync(id, await current.GetAsync(ct), input.Code, ct);
        return refusal is not null ? refusal.ToProblem() : TypedResults.Ok(found);
    }

    private static async Task<IResult> MarkAsync(int id, int meetingId, AttendanceInput input, EventDay day, CurrentActor current, CancellationToken ct) =>
        await day.MarkAsync(id, await current.GetAsync(ct), meetingId, input.Attendance, ct) is { } refusal ? refusal.ToProblem() : TypedResults.NoContent();

    private static async Task<IResult> RateAsync(int id, int meetingId, MeetingFeedbackInput input, EventDay day, CurrentActor current, CancellationToken ct) =>
        await day.RateAsync(id, await current.GetAsync(ct), meetingId, input.Useful, input.FollowUpWanted ?? false, ct) is { } refusal
            ? refusal.ToProblem()
            : TypedResults.NoContent();

    private static async Task<IResult> FreedAsync(int id, EventDay day, CityBridgeDb db, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (!EventWorkflow.MayManage(actor))
        {
            return Refusal.Denied(actor, "Only program staff see freed places.").ToProblem();
        }

        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == id, ct);
        return e is null ? Refusal.NotFound($"There is no event with id {id}.").ToProblem() : TypedResults.Ok(await day.FreedSlotsAsync(e, ct));
    }

    private static async Task<IResult> FillAsync(int id, FillInput input, EventDay day, CurrentActor current, CancellationToken ct) =>
        await day.FillAsync(id, await current.GetAsync(ct), input.MeetingId, input.SlotIndex, input.Table, ct) is { } refusal
            ? refusal.ToProblem()
            : TypedResults.NoContent();

    private static async Task<Results<Ok<FillResult>, ProblemHttpResult>> FillWithSchedulerAsync(int id, EventDay day, CurrentActor current, CancellationToken ct) =>
        await day.FillWithSchedulerAsync(id, await current.GetAsync(ct), ct) is var (placed, refusal) && refusal is not null
            ? refusal.ToProblem()
            : TypedResults.Ok(new FillResult(placed));

    private static async Task<IResult> FunnelAsync(int id, EventDay day, CityBridgeDb db, CurrentActor current, CancellationToken ct)
    {
        var (funnel, refusal) = await FunnelOfAsync(id, day, db, current, ct);
        return refusal is not null ? refusal.ToProblem() : TypedResults.Ok(funnel);
    }

    private static async Task<IResult> FunnelCsvAsync(int id, EventDay day, CityBridgeDb db, CurrentActor current, CancellationToken ct)
    {
        var (funnel, refusal) = await FunnelOfAsync(id, day, db, current, ct);
        return refusal is not null ? refusal.ToProblem()
            : TypedResults.File(System.Text.Encoding.UTF8.GetBytes(funnel!.ToCsv()), "text/csv; charset=utf-8", $"citybridge-event-{id}-funnel.csv");
    }

    private static async Task<(EventFunnel? Funnel, Refusal? Refusal)> FunnelOfAsync(int id, EventDay day, CityBridgeDb db, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (!actor.IsStaff)
        {
            return (null, Refusal.Denied(actor, "Only program staff see the funnel."));
        }

        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return e is null ? (null, Refusal.NotFound($"There is no event with id {id}.")) : (await day.FunnelAsync(e, ct), null);
    }
}
