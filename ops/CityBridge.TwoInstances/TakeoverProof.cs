using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CityBridge.Core.Domain;
using CityBridge.Core.Matching;
using CityBridge.Core.Scheduling;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Jobs;
using CityBridge.Web.Features.Matching;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Solutions;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.TwoInstances;

/// <summary>
/// The kill -9 proof: a long job starts on instance A; the script kills A with SIGKILL while it runs; instance B must
/// take the job over when A's lease runs out and finish it with a complete, valid result.
/// </summary>
public sealed partial class TakeoverProof(Proof proof)
{
    private static readonly TimeSpan TakeoverTimeout = TimeSpan.FromSeconds(120);

    private static int PidOf(string variable) =>
        int.Parse(Environment.GetEnvironmentVariable(variable) ?? throw new ProofException($"{variable} is not set"), CultureInfo.InvariantCulture);

    /// <summary>Instance names in job rows are machine-pid-random, so the pid tells which instance owns a job.</summary>
    private static bool OwnedBy(string? owner, int pid) => owner is not null && owner.Contains($"-{pid}-", StringComparison.Ordinal);

    // ---- A big schedule.

    public async Task<IReadOnlyList<string>> StartScheduleAsync()
    {
        var staff = await proof.ClientsForEmailAsync(AccountSeeder.DemoStaffEmail);
        var shape = new EventShape(Participants: 150, Requests: 900, Slots: 28, Tables: 30, Sessions: 4, Seed: 7);
        var generated = EventGenerator.Generate(shape);
        var eventId = await ConcurrencyProof.CreateEventAsync(staff, $"Proof big event {proof.Run}", tables: shape.Tables!.Value, days: 2);
        await using (var db = proof.NewDb())
        {
            // The generated event goes straight into the tables, as an import would: its participants act through no account.
            var registrations = generated.Participants.ToDictionary(p => p.Id, p => new EventRegistration
            {
                EventId = eventId,
                UserId = $"proof-{proof.Run}-{p.Id}",
                DisplayName = $"Participant {p.Id}",
                RegisteredAt = DateTimeOffset.UtcNow,
            });
            db.EventRegistrations.AddRange(registrations.Values);
            await db.SaveChangesAsync();
            db.EventMeetings.AddRange(generated.Meetings.Select(m => new EventMeeting
            {
                EventId = eventId,
                FirstRegistrationId = registrations[m.Participants[0]].Id,
                SecondRegistrationId = registrations[m.Participants[1]].Id,
                Weight = m.Weight,
                CreatedAt = DateTimeOffset.UtcNow,
            }));
            await db.SaveChangesAsync();
        }

        using var response = await staff.At(0).PostAsJsonAsync($"/api/events/{eventId}/schedule", new { timeLimitSeconds = 10, allowMoves = true });
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new ProofException($"starting the scheduler at A answered {(int)response.StatusCode}");
        }

        SchedulingJob job = null!;
        await Proof.WaitForAsync(async () =>
        {
            await using var db = proof.NewDb();
            job = await db.SchedulingJobs.AsNoTracking().Where(j => j.EventId == eventId).OrderByDescending(j => j.Id).FirstAsync();
            return job.State == SchedulingJob.Running && job.BestWeight > 0;
        }, TimeSpan.FromSeconds(60), $"an instance to run the big schedule of event {eventId} and report a first solution");
        var victim = await VictimAsync(job.Owner);
        Proof.Log($"big schedule: event {eventId} ({shape.Participants} participants, {generated.Meetings.Count} meetings, {shape.Tables} tables), job {job.Id} running at pid {victim}, best weight {job.BestWeight} so far");
        await proof.SaveStateAsync(new JsonObject { ["eventId"] = eventId, ["jobId"] = job.Id, ["victim"] = victim, ["killedAt"] = DateTimeOffset.UtcNow });
        return [];
    }

    /// <summary>The pid of the instance owning a job (the one the script kills), written where the script reads it.</summary>
    private async Task<int> VictimAsync(string? owner)
    {
        var victim = new[] { PidOf("PROOF_A_PID"), PidOf("PROOF_B_PID") }.FirstOrDefault(pid => OwnedBy(owner, pid));
        if (victim == 0)
        {
            throw new ProofException($"the job's owner '{owner}' is neither instance");
        }

        await File.WriteAllTextAsync(proof.Settings.StateFile + ".victim", victim.ToString(CultureInfo.InvariantCulture));
        return victim;
    }

    /// <summary>Waits for the killed instance's job to end; a violation unless the surviving instance took it over and finished it.</summary>
    private async Task<(TJob Job, List<string> Violations)> TakenOverAsync<TJob>(Func<CityBridgeDb, DbSet<TJob>> jobs, JsonObject state, string what)
        where TJob : class, ILeasedJob
    {
        var jobId = (int)state["jobId"]!;
        var survivor = Survivor(state);
        TJob job = null!;
        await Proof.WaitForAsync(async () =>
        {
            await using var db = proof.NewDb();
            job = await jobs(db).AsNoTracking().SingleAsync(j => j.Id == jobId);
            return job.State is JobState.Finished or JobState.Failed;
        }, TakeoverTimeout, $"{what} {jobId} to end after its instance was killed");
        var violations = new List<string>();
        if (job.State != JobState.Finished)
        {
            violations.Add($"{what} {jobId} ended {job.State}");
        }

        if (!OwnedBy(job.Owner, survivor) || job.Attempts < 2)
        {
            violations.Add($"{what} {jobId} was not taken over by the surviving instance, pid {survivor} (owner {job.Owner}, {job.Attempts} attempts)");
        }

        return (job, violations);
    }

    /// <summary>The instance that was not killed.</summary>
    private static int Survivor(JsonObject state) =>
        new[] { PidOf("PROOF_A_PID"), PidOf("PROOF_B_PID") }.Single(pid => pid != (int)state["victim"]!);

    public async Task<IReadOnlyList<string>> FinishScheduleAsync()
    {
        var state = await proof.LoadStateAsync();
        var eventId = (int)state["eventId"]!;
        var (job, violations) = await TakenOverAsync(db => db.SchedulingJobs, state, "scheduling job");
        var jobId = job.Id;
        Proof.Log($"big schedule: job {jobId} {job.State} by {job.Owner} after {job.Attempts} attempts: {job.Message}");

        await using var check = proof.NewDb();
        var meetings = await check.EventMeetings.AsNoTracking().Where(m => m.EventId == eventId && !m.Cancelled).ToListAsync();
        var placed = meetings.Count(m => m.SlotIndex is not null);
        var problems = await ConcurrencyProof.ValidateStoredScheduleAsync(check, eventId);
        violations.AddRange(problems.Take(20).Select(p => $"big schedule of event {eventId}: {p}"));
        // The summary names how many meetings the finished run placed; the database must hold exactly that schedule.
        if (SummaryPattern().Match(job.Message ?? "") is not { Success: true } m
            || int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) != placed || int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) != meetings.Count)
        {
            violations.Add($"big schedule of event {eventId}: the database holds {placed} of {meetings.Count} meetings placed, the finished run reported '{job.Message}'");
        }

        if (placed == 0)
        {
            violations.Add($"big schedule of event {eventId}: no meeting placed");
        }

        var killedAt = (DateTimeOffset)state["killedAt"]!;
        Proof.Log($"big schedule: {placed} of {meetings.Count} meetings placed, {problems.Count} validator violations, finished {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:0} s after the kill");
        return violations;
    }

    // ---- A full re-match over a generated market.

    public async Task<IReadOnlyList<string>> StartRematchAsync()
    {
        var staff = await proof.ClientsForEmailAsync(AccountSeeder.DemoStaffEmail);
        // Both instances first finish their own start-up matching, so the re-match job is the only matching work left.
        foreach (var client in staff.Clients)
        {
            await Proof.WaitForAsync(async () => (string?)(await client.GetFromJsonAsync<JsonObject>("/api/matching/status"))?["phase"] is "done",
                TimeSpan.FromSeconds(120), $"the matching index of {client.BaseAddress} to load");
        }

        var market = MarketGenerator.Generate(seed: 11, providers: RematchProviders, projects: RematchProjects);
        await LoadMarketAsync(market);
        using var response = await staff.At(0).PostAsync("/api/matching/rematch", null);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new ProofException($"starting the re-match answered {(int)response.StatusCode}");
        }

        RematchJob job = null!;
        await Proof.WaitForAsync(async () =>
        {
            await using var db = proof.NewDb();
            job = await db.RematchJobs.AsNoTracking().OrderByDescending(j => j.Id).FirstAsync();
            return job.State == JobState.Running && job.StartedAt is { } started && DateTimeOffset.UtcNow - started > TimeSpan.FromSeconds(1.5);
        }, TimeSpan.FromSeconds(60), "an instance to run the full re-match for 1.5 seconds");
        if (job.Phase == "done")
        {
            throw new ProofException($"the re-match job {job.Id} was already done before the kill; make the market bigger");
        }

        var victim = await VictimAsync(job.Owner);
        Proof.Log($"full re-match: {market.Providers.Count} providers and {market.Projects.Count} projects loaded; job {job.Id} running at pid {victim}, phase {job.Phase}, {job.Done} of {job.Total}");
        await proof.SaveStateAsync(new JsonObject { ["jobId"] = job.Id, ["victim"] = victim, ["killedAt"] = DateTimeOffset.UtcNow });
        return [];
    }

    public async Task<IReadOnlyList<string>> FinishRematchAsync()
    {
        var state = await proof.LoadStateAsync();
        var (job, violations) = await TakenOverAsync(db => db.RematchJobs, state, "re-match job");
        var jobId = job.Id;
        Proof.Log($"full re-match: job {jobId} {job.State} by {job.Owner} after {job.Attempts} attempts, {job.Done} of {job.Total} projects. {job.Message}");

        // Complete: every project has a list computed by this job (at or after its creation).
        await using var check = proof.NewDb();
        var createdAt = job.CreatedAt;
        var projects = await check.Projects.CountAsync();
        var lists = await check.Matches.Where(m => m.ComputedAt >= createdAt).GroupBy(m => m.ProjectId).Select(g => g.Count()).ToListAsync();
        if (lists.Count != projects)
        {
            violations.Add($"after the re-match {lists.Count} of {projects} projects have suggestions computed by it");
        }

        if (job.Total != projects || job.Done != projects)
        {
            violations.Add($"re-match job {jobId} reports {job.Done} of {job.Total} projects; the database has {projects}");
        }

        var killedAt = (DateTimeOffset)state["killedAt"]!;
        Proof.Log($"full re-match: {lists.Count} of {projects} projects with fresh suggestions ({(lists.Count == 0 ? 0 : lists.Min())} to {(lists.Count == 0 ? 0 : lists.Max())} each), finished {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:0} s after the kill");
        return violations;
    }

    /// <summary>
    /// Loads the market straight into the tables in one transaction, as a restore would, leaving the change feed out:
    /// the instances do not index it on their own, and the full re-match has to embed and match all of it.
    /// </summary>
    private async Task LoadMarketAsync(Market market)
    {
        await using var db = proof.NewDb();
        var cities = await db.Cities.AsNoTracking().ToListAsync();
        var feedBefore = await db.RecordChanges.MaxAsync(c => (long?)c.Id) ?? 0;
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Organizations.AddRange(market.Providers.Select(p => new Organization
        {
            Name = $"{p.Name} ({proof.Run} {p.Id})",
            Kind = OrganizationKind.Provider,
            Description = p.Description,
            Sectors = [.. p.Sectors],
            ExperienceCountries = [.. p.Countries],
            Standards = [.. p.Standards],
            Solutions = [.. p.Solutions.Select(s => new Solution { Name = s.Name, Description = s.Description, Sectors = [.. s.Sectors], Standards = [.. s.Standards] })],
        }));
        db.Projects.AddRange(market.Projects.Select(p => new PriorityProject
        {
            CityId = (cities.FirstOrDefault(c => c.Name == p.City) ?? cities.FirstOrDefault(c => c.CountryCode == p.Country) ?? cities[0]).Id,
            Title = p.Title,
            Description = p.Description,
            Sectors = [.. p.Sectors],
            StandardsWanted = [.. p.Standards],
            Stage = p.Stage ?? ProjectStage.Idea,
            BudgetUsd = p.BudgetUsd,
        }));
        await db.SaveChangesAsync();
        await db.RecordChanges.Where(c => c.Id > feedBefore).ExecuteDeleteAsync();
        await transaction.CommitAsync();
    }

    private const int RematchProviders = 200, RematchProjects = 700;

    [GeneratedRegex(@"(\d+) of (\d+) meetings placed")]
    private static partial Regex SummaryPattern();
}
