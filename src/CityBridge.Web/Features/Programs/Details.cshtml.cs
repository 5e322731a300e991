using CityBridge.Core.Programs;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Programs;

public sealed class DetailsModel(ProgramWorkflow flow, TimeProvider clock) : PageModel
{
    public ProgramDto Program { get; private set; } = null!;

    public TradeProgram Entity { get; private set; } = null!;

    public Actor Actor { get; private set; } = Actor.Anonymous;

    public ProgramRegistration? Me { get; private set; }

    public string? MyProject { get; private set; }

    public IReadOnlyList<(int Id, string Title)> Projects { get; private set; } = [];

    public bool MayRegister { get; private set; }

    public bool MayGiveFeedback { get; private set; }

    /// <summary>Why the last action was refused, when it concerns no one field.</summary>
    public string? Problem => ModelState.PageMessage();

    public string? ErrorFor(string field) => ModelState.MessageFor(field);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApplyAsync(int id, int? projectId, CancellationToken ct)
    {
        var (_, refusal) = await flow.ApplyAsync(id, await this.ActorAsync(ct), projectId, ct);
        return await AfterAsync(id, refusal, "You applied. Staff will confirm your place by e-mail.", ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        var mine = await flow.MyRegistrationAsync(id, actor, ct);
        return mine is null ? NotFound() : await AfterAsync(id, await flow.ChangeAsync(id, mine.Id, "cancel", actor, ct), "Your registration is cancelled.", ct);
    }

    public async Task<IActionResult> OnPostFeedbackAsync(int id, int? score, string? comment, CancellationToken ct) =>
        await AfterAsync(id, await flow.GiveFeedbackAsync(id, await this.ActorAsync(ct), score, comment, ct), "Thank you for your feedback.", ct);

    private async Task<IActionResult> AfterAsync(int id, Refusal? refusal, string done, CancellationToken ct)
    {
        if (this.Settle(refusal, done, new { id }) is { } settled)
        {
            return settled;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Actor = await this.ActorAsync(ct);
        if (await flow.FindAsync(id, Actor, ct) is not { } p)
        {
            return false;
        }

        Entity = p;
        Program = ProgramViews.ToDto(p);
        Me = await flow.MyRegistrationAsync(id, Actor, ct);
        MayRegister = ProgramWorkflow.MayRegister(Actor, p.Kind) && Actor.MayWrite;
        Projects = await flow.LinkableProjectsAsync(Actor, ct);
        if (Me is not null)
        {
            MyProject = Me.ProjectId is { } projectId ? Projects.FirstOrDefault(x => x.Id == projectId).Title : null;
            var registrations = await flow.RegistrationsAsync(id, Actor.UserId, ct);
            MayGiveFeedback = RegistrationRules.HoldsSeat(Me.Status) && clock.GetUtcNow() >= ProgramWorkflow.StartOf(p).ToDateTimeOffset() && !registrations.Any(r => r.HasFeedback);
        }

        return true;
    }
}
