using CityBridge.Core.Domain;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityBridge.Web.Features.My;

public sealed record StartConversationInput(int ProjectId, int OrganizationId);

public sealed record MessageInput(string? Body);

public sealed record OpportunityStageInput(OpportunityStage? Stage, decimal? ValueUsd);

public sealed record CreatedId(long Id);

public sealed record NoticeChoice(string Kind, string Label, bool On);

public sealed record NoticeChoicesInput(List<string>? On);

/// <summary>The signed-in user's workspace as JSON: the start page, conversations, acting on matches, notice choices.</summary>
public static class MyApi
{
    // GET  /api/my                                         the start page's panels
    // GET  /api/my/conversations                           threads the user may read
    // POST /api/my/conversations                           open (or find) the thread of a match's two sides
    // GET  /api/my/conversations/{id}                      one thread
    // POST /api/my/conversations/{id}/messages             write in a thread
    // POST /api/projects/{projectId}/matches/{organizationId}/meeting-request   (beside the match's mark and curation)
    // POST /api/projects/{projectId}/matches/{organizationId}/opportunity
    // PUT  /api/my/opportunities/{id}                      stage and deal size
    // GET  /api/my/notices, PUT /api/my/notices            which notices the user gets
    public static void MapMyApi(this IEndpointRouteBuilder app)
    {
        var my = app.MapGroup("/api/my").WithTags("my").AddEndpointFilter<BrowserSessionCsrfFilter>();
        my.MapGet("/", GetWorkspace).WithSummary("Your start page: your projects and matches, requests waiting, meetings, programs, pipeline, conversations; staff's work of the day.");
        my.MapGet("/conversations", ListConversations).WithSummary("Your conversations, most recently active first.");
        my.MapPost("/conversations", OpenConversation)
            .Produces<CreatedId>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Open the thread between a project's city and a provider that share a match, request or opportunity.");
        my.MapGet("/conversations/{id:int}", ReadConversation).Produces<ConversationView>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One conversation with its messages.");
        my.MapPost("/conversations/{id:int}/messages", PostMessage)
            .Produces<CreatedId>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Write in a conversation; the other side gets an e-mail notice with a link.");
        var match = app.MapGroup("/api/projects/{projectId:int}/matches/{organizationId:int}").WithTags("my").AddEndpointFilter<BrowserSessionCsrfFilter>();
        match.MapPost("/meeting-request", RequestMeeting)
            .Produces<MoveResult>().Produces<MoveResult>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Request a meeting at an upcoming event both sides attend, or invite the other side to yours.");
        match.MapPost("/opportunity", StartOpportunity)
            .Produces<CreatedId>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Start the opportunity of a match (provider or staff); returns the existing one if there is one.");
        my.MapPut("/opportunities/{id:int}", UpdateOpportunity)
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Record an opportunity's stage and deal size in USD (provider or staff).");
        my.MapGet("/notices", GetNotices).Produces<List<NoticeChoice>>().WithSummary("The notices you get by e-mail (all on unless switched off).");
        my.MapPut("/notices", PutNotices).Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().WithSummary("Choose the notices you get: the kinds listed in 'on', every other off.");
    }

    private static ProblemHttpResult SignInFirst() => Refusal.SignInRequired("Sign in to see your workspace.").ToProblem();

    private static async Task<Results<Ok<Workspace>, ProblemHttpResult>> GetWorkspace(CurrentActor current, WorkspaceQueries queries, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        return actor.IsSignedIn ? TypedResults.Ok(await queries.BuildAsync(actor, ct)) : SignInFirst();
    }

    private static async Task<Results<Ok<CollectionResponse<ConversationLine>>, ProblemHttpResult>> ListConversations(CurrentActor current, Conversations conversations, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (!actor.IsSignedIn)
        {
            return SignInFirst();
        }

        var items = await conversations.ListAsync(actor, 100, ct);
        return TypedResults.Ok(new CollectionResponse<ConversationLine>(items, items.Count, 1, 100));
    }

    private static async Task<IResult> OpenConversation(StartConversationInput input, CurrentActor current, Conversations conversations, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (!actor.IsSignedIn)
        {
            return SignInFirst();
        }

        var (id, refusal) = await conversations.OpenAsync(actor, input.ProjectId, input.OrganizationId, ct);
        return refusal is not null ? refusal.ToProblem() : TypedResults.Created($"/api/my/conversations/{id}", new CreatedId(id!.Value));
    }

    private static async Task<IResult> ReadConversation(int id, CurrentActor current, Conversations conversations, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (!actor.IsSignedIn)
        {
            return SignInFirst();
        }

        var (view, refusal) = await conversations.ReadAsync(actor, id, ct);
        return refusal is not null ? refusal.ToProblem() : TypedResults.Ok(view);
    }

    private static async Task<IResult> PostMessage(int id, MessageInput input, CurrentActor current, Conversations conversations, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (!actor.IsSignedIn)
        {
            return SignInFirst();
        }

        var (messageId, refusal) = await conversations.PostAsync(actor, id, input.Body, ct);
        return refusal is not null ? refusal.ToProblem() : TypedResults.Created($"/api/my/conversations/{id}", new CreatedId(messageId!.Value));
    }

    private static async Task<IResult> RequestMeeting(int projectId, int organizationId, CurrentActor current, MatchMoves moves, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (!actor.IsSignedIn)
        {
            return SignInFirst();
        }

        var (done, refusal) = await moves.RequestMeetingAsync(actor, projectId, organizationId, ct);
        return refusal is not null ? refusal.ToProblem()
            : done!.Location is { } location ? TypedResults.Created(location, done) : TypedResults.Ok(done);
    }

    private static async Task<IResult> StartOpportunity(int projectId, int organizationId, CurrentActor current, MatchMoves moves, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (!actor.IsSignedIn)
        {
            return SignInFirst();
        }

        var (opportunity, refusal) = await moves.StartOpportunityAsync(actor, projectId, organizationId, OpportunityStage.Introduced, ct);
        return refusal is not null ? refusal.ToProblem() : TypedResults.Created($"/api/opportunities/{opportunity!.Id}", new CreatedId(opportunity.Id));
    }

    private static async Task<IResult> UpdateOpportunity(int id, OpportunityStageInput input, CurrentActor current, MatchMoves moves, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (!actor.IsSignedIn)
        {
            return SignInFirst();
        }

        if (input.Stage is not { } stage)
        {
            return Refusal.Invalid("Give the stage: Introduced, Met, Proposal, Tender, Won or Lost.", "stage").ToProblem();
        }

        var refusal = await moves.UpdateOpportunityAsync(actor, id, stage, input.ValueUsd, ct);
        return refusal is not null ? refusal.ToProblem() : TypedResults.NoContent();
    }

    private static async Task<IResult> GetNotices(CurrentActor current, Data.CityBridgeDb db, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (!actor.IsSignedIn)
        {
            return SignInFirst();
        }

        var off = await Notices.OptOutsAsync(db, actor.UserId!, ct);
        return TypedResults.Ok(NoticeKinds.All.Select(k => new NoticeChoice(k.Name, k.Label, !off.Contains(k.Name))).ToList());
    }

    private static async Task<IResult> PutNotices(NoticeChoicesInput input, CurrentActor current, Data.CityBridgeDb db, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (!actor.IsSignedIn || !actor.MayWrite)
        {
            return actor.IsSignedIn ? Refusal.Denied(actor, "Your token may only read.").ToProblem() : SignInFirst();
        }

        var on = input.On ?? [];
        if (on.FirstOrDefault(k => NoticeKinds.All.All(n => n.Name != k)) is { } unknown)
        {
            return Refusal.Invalid($"'{unknown}' is not a notice kind; GET /api/my/notices lists them.", "on").ToProblem();
        }

        await Notices.SaveChoicesAsync(db, actor.UserId!, on, ct);
        return TypedResults.NoContent();
    }
}
