using CityBridge.Core.Domain;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.My;

/// <summary>The signed-in user's start page; its posts are the one-click moves on matches, requests and opportunities.</summary>
[Authorize]
public sealed class IndexModel(WorkspaceQueries queries, MatchMoves moves, Conversations conversations, EventWorkflow events) : PageModel
{
    public Workspace Workspace { get; private set; } = null!;

    public bool IsProvider { get; private set; }

    public bool IsOfficial { get; private set; }

    /// <summary>The official's city, whose page lists all its projects.</summary>
    public int? CityId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        IsProvider = actor.IsProvider;
        IsOfficial = actor.IsCityOfficial;
        CityId = actor.CityId;
        Workspace = await queries.BuildAsync(actor, ct);
    }

    public async Task<IActionResult> OnPostRequestMeetingAsync(int projectId, int organizationId, string? returnUrl, CancellationToken ct)
    {
        var (done, refusal) = await moves.RequestMeetingAsync(await this.ActorAsync(ct), projectId, organizationId, ct);
        return Back(done?.Message, refusal, returnUrl);
    }

    public async Task<IActionResult> OnPostMessageAsync(int projectId, int organizationId, CancellationToken ct)
    {
        var (id, refusal) = await conversations.OpenAsync(await this.ActorAsync(ct), projectId, organizationId, ct);
        return id is { } conversationId ? RedirectToPage("Conversation", new { id = conversationId }) : Back(null, refusal, null);
    }

    public async Task<IActionResult> OnPostOpportunityAsync(int projectId, int organizationId, string? returnUrl, CancellationToken ct)
    {
        var (opportunity, refusal) = await moves.StartOpportunityAsync(await this.ActorAsync(ct), projectId, organizationId, OpportunityStage.Introduced, ct);
        return Back(opportunity is null ? null : $"Opportunity recorded at stage {opportunity.Stage}; update it below as the deal moves.", refusal, returnUrl);
    }

    public async Task<IActionResult> OnPostDealAsync(int meetingId, CancellationToken ct)
    {
        var (opportunity, refusal) = await moves.FromMeetingAsync(await this.ActorAsync(ct), meetingId, ct);
        return Back(opportunity is null ? null : $"Opportunity at stage {opportunity.Stage}: record its size below.", refusal, null);
    }

    public async Task<IActionResult> OnPostStageAsync(int id, OpportunityStage stage, decimal? valueUsd, CancellationToken ct)
    {
        var refusal = await moves.UpdateOpportunityAsync(await this.ActorAsync(ct), id, stage, valueUsd, ct);
        return Back("Opportunity updated.", refusal, null);
    }

    public async Task<IActionResult> OnPostAnswerAsync(int eventId, int requestId, bool accept, CancellationToken ct)
    {
        var refusal = await events.AnswerAsync(eventId, await this.ActorAsync(ct), requestId, accept, ct);
        return Back(accept ? "Accepted: program staff will schedule the meeting." : "Declined.", refusal, null);
    }

    private IActionResult Back(string? done, Refusal? refusal, string? returnUrl)
    {
        if (refusal is { Kind: RefusalKind.SignInRequired })
        {
            return Challenge();
        }

        TempData["Flash"] = refusal?.Message ?? done;
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/My");
    }
}
