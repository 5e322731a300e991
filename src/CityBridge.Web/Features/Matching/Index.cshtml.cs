using System.ComponentModel.DataAnnotations;
using CityBridge.Core.Matching;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Matching;

/// <summary>Staff's matching page: the weights, how they fare against people's marks, and the re-match progress.</summary>
[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class IndexModel(CityBridgeDb db, MatchingEngine engine, TimeProvider clock) : PageModel
{
    [BindProperty]
    public WeightsForm Weights { get; set; } = new();

    public RelevanceScores Current { get; private set; } = null!;

    public RelevanceScores? Tried { get; private set; }

    /// <summary>Weights fitted to the marks with their held-out nDCG before and after; null when too few projects have marks.</summary>
    public WeightFit? Fit { get; private set; }

    public RematchStatus Status { get; private set; } = null!;

    public int StoredMatches { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (weights, version) = await MatchQueries.SettingsAsync(db, ct);
        Weights = WeightsForm.From(weights, version);
        await LoadAsync(ct);
    }

    /// <summary>Evaluates the weights in the form without saving them.</summary>
    public async Task<IActionResult> OnPostTryAsync(CancellationToken ct)
    {
        AddWeightErrors();
        if (ModelState.IsValid)
        {
            Tried = await MatchQueries.EvaluateAsync(db, Weights.ToWeights(), ct);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        AddWeightErrors();
        if (ModelState.IsValid)
        {
            var w = Weights.ToWeights();
            var refusal = await MatchSettingsStore.SaveAsync(db, WeightsDto.From(w, Weights.Version), await this.ActorAsync(ct), engine, clock, ct);
            if (refusal is null)
            {
                TempData["Flash"] = "Weights saved. Every project is being re-matched with them.";
                return RedirectToPage();
            }

            if (this.Refuse(refusal, nameof(Weights)) is { } refused)
            {
                return refused;
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>
    /// Applies the weights fitted to the marks, only when they rank held-out marks better than the weights in force; the
    /// fit is recomputed here, so the page's figures cannot be replayed with other weights.
    /// </summary>
    public async Task<IActionResult> OnPostApplyFittedAsync(CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        var (weights, version) = await MatchQueries.SettingsAsync(db, ct);
        var fit = WeightFitting.Fit(await MatchQueries.MarkedPairsAsync(db, ct), weights);
        if (fit is null || !fit.IsBetter)
        {
            ModelState.AddModelError(string.Empty, "The fitted weights do not rank the held-out marks better than the weights in force, so they were not applied.");
        }
        else if (await MatchSettingsStore.SaveAsync(db, WeightsDto.From(Rounded(fit.Fitted), version), actor, engine, clock, ct) is { } refusal)
        {
            if (this.Refuse(refusal) is { } refused)
            {
                return refused;
            }
        }
        else
        {
            TempData["Flash"] = "Fitted weights applied. Every project is being re-matched with them.";
            return RedirectToPage();
        }

        Weights = WeightsForm.From(weights, version);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Fitted weights with at most three decimals, as a person would type them.</summary>
    public static MatchWeights Rounded(MatchWeights w) => new(
        Math.Round(w.Sector, 3), Math.Round(w.Semantic, 3), Math.Round(w.Keyword, 3), Math.Round(w.Country, 3), Math.Round(w.Standards, 3), Math.Round(w.Stage, 3), Math.Round(w.Budget, 3));

    public async Task<IActionResult> OnPostRematchAsync(CancellationToken ct)
    {
        await engine.RequestRematchAsync(db, ct);
        TempData["Flash"] = "Re-match started. Reload to follow its progress.";
        return RedirectToPage();
    }

    private void AddWeightErrors()
    {
        foreach (var (field, message) in Weights.ToWeights().Problems())
        {
            ModelState.AddModelError($"{nameof(Weights)}.{char.ToUpperInvariant(field[0])}{field[1..]}", message);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var weights = await MatchQueries.WeightsAsync(db, ct);
        var pairs = await MatchQueries.MarkedPairsAsync(db, ct);
        Current = MatchQueries.Evaluate(pairs, weights);
        Fit = WeightFitting.Fit(pairs, weights);
        StoredMatches = await db.Matches.CountAsync(ct);
        Status = await engine.StatusAsync(db, ct);
    }
}

/// <summary>The weights as a form; each a number from 0 to 100, scaled to sum to 1 when used.</summary>
public sealed class WeightsForm
{
    private const string RangeMessage = "Enter a number from 0 to 100.";

    [Range(0, 100, ErrorMessage = RangeMessage)] public double Sector { get; set; }

    [Range(0, 100, ErrorMessage = RangeMessage)] public double Semantic { get; set; }

    [Range(0, 100, ErrorMessage = RangeMessage)] public double Keyword { get; set; }

    [Range(0, 100, ErrorMessage = RangeMessage)] public double Country { get; set; }

    [Range(0, 100, ErrorMessage = RangeMessage)] public double Standards { get; set; }

    [Range(0, 100, ErrorMessage = RangeMessage)] public double Stage { get; set; }

    [Range(0, 100, ErrorMessage = RangeMessage)] public double Budget { get; set; }

    public Guid? Version { get; set; }

    public static WeightsForm From(MatchWeights w, Guid? version) => new()
    {
        Sector = w.Sector,
        Semantic = w.Semantic,
        Keyword = w.Keyword,
        Country = w.Country,
        Standards = w.Standards,
        Stage = w.Stage,
        Budget = w.Budget,
        Version = version,
    };

    public MatchWeights ToWeights() => new(Sector, Semantic, Keyword, Country, Standards, Stage, Budget);
}
