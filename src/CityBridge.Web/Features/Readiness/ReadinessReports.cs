using System.Text.Json;
using CityBridge.Core.Domain;
using CityBridge.Core.Readiness;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Readiness;

/// <summary>A published tender without its JSON, for listing.</summary>
public sealed record TenderPublication(string Ocid, string ReleaseId, DateTimeOffset PublishedAt);

/// <summary>A cybersecurity provider ranked by the matching engine for the project's cyber gaps, with its main reasons.</summary>
public sealed record CyberProvider(int Id, string Name, double Score, IReadOnlyList<string> Reasons);

/// <summary>Everything the readiness pages and brief show about one project, computed from the latest assessments.</summary>
public sealed record ReadinessReport(
    ProjectDto Project,
    bool MayEdit,
    ProjectPlan Plan,
    FinancePlan Finance,
    FinanceAnalysis FinanceAnalysis,
    ProcurementAssessment Procurement,
    IReadOnlyList<SectorStandard> Checklist,
    CyberAssessment Cyber,
    CyberResult CyberResult,
    TenderPublication? Tender,
    IReadOnlyDictionary<ReadinessPart, int> Versions,
    ProjectReadiness Readiness)
{
    public PartReadiness PartOf(ReadinessPart part) => Readiness.Parts.Single(p => p.Part == part);
}

/// <summary>Builds readiness reports and publishes tenders for projects the actor may see.</summary>
public sealed class ReadinessReports(CityBridgeDb db, AssessmentHistory history, ReadinessCatalog catalog, CurrentActor currentActor)
{
    public async Task<(ProjectDto Project, bool MayEdit)?> FindProjectAsync(int projectId, CancellationToken ct)
    {
        var store = new RecordStore<PriorityProject, ProjectInput, ProjectDto>(db, ProjectDefinition.Instance, await currentActor.GetAsync(ct));
        return await store.FindAsync(projectId, ct) is { } project ? (project, await store.MayChangeAsync(projectId, ct)) : null;
    }

    public async Task<ReadinessReport?> BuildAsync(int projectId, CancellationToken ct)
    {
        if (await FindProjectAsync(projectId, ct) is not var (project, mayEdit))
        {
            return null;
        }

        var plan = await history.LatestAsync(projectId, ReadinessPart.Plan, ProjectPlan.Empty, ct);
        var finance = await history.LatestAsync(projectId, ReadinessPart.Finance, FinancePlan.Empty, ct);
        var procurement = await history.LatestAsync(projectId, ReadinessPart.Procurement, ProcurementAssessment.Empty, ct);
        var cyber = await history.LatestAsync(projectId, ReadinessPart.Cyber, CyberAssessment.Empty, ct);
        var checklist = catalog.StandardsFor(project.Sectors);
        var tender = await LatestTenderAsync(projectId, ct);
        var versions = await db.Assessments.Where(a => a.ProjectId == projectId).GroupBy(a => a.Part)
            .Select(g => new { Part = g.Key, Latest = g.Max(a => a.Number) }).ToDictionaryAsync(x => x.Part, x => x.Latest, ct);

        var analysis = FinanceAnalyzer.Analyze(finance);
        var cyberResult = CyberScoring.Evaluate(catalog.CsfCategories, cyber);
        var readiness = new ProjectReadiness([
            ReadinessScorer.Plan(plan),
            ReadinessScorer.Finance(finance, analysis),
            ReadinessScorer.Procurement(procurement, checklist.Count, tender is not null),
            ReadinessScorer.Cyber(cyberResult),
        ]);
        return new ReadinessReport(project, mayEdit, plan, finance, analysis, procurement, checklist, cyber, cyberResult, tender, versions, readiness);
    }

    public Task<TenderPublication?> LatestTenderAsync(int projectId, CancellationToken ct) =>
        db.PublishedTenders.AsNoTracking().Where(t => t.ProjectId == projectId).OrderByDescending(t => t.Id)
            .Select(t => new TenderPublication(t.Ocid, t.ReleaseId, t.PublishedAt)).FirstOrDefaultAsync(ct);

    /// <summary>Providers listing cybersecurity among their sectors; a plain query until the matching engine ranks them.</summary>
    /// <summary>
    /// Cybersecurity providers ranked by the matching engine for this project's cyber needs: the project's own text and
    /// country with the weakest NIST CSF categories and their recommended actions as the need.
    /// </summary>
    public async Task<IReadOnlyList<CyberProvider>> CyberProvidersAsync(ProjectDto project, CyberResult result, Matching.MatchingEngine engine, CancellationToken ct)
    {
        var gaps = string.Join(" ", result.Weakest.Select(w => $"{w.Category.Name}: {w.Category.RecommendedAction}"));
        var need = new Core.Matching.MatchProject(
            project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Cybersecurity of {project.Title}",
            $"{project.Description} {gaps}".Trim(),
            project.CityName,
            project.CountryCode,
            ["cybersecurity"],
            project.StandardsWanted,
            project.Stage,
            project.BudgetUsd);
        var ranked = await engine.RankAsync(db, need, 25, ct);
        var cyber = ranked.Where(m => m.Signals[0].Value >= 1).Take(5).ToList();
        var ids = cyber.Select(m => int.Parse(m.ProviderId, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return cyber.Where(m => names.ContainsKey(int.Parse(m.ProviderId, System.Globalization.CultureInfo.InvariantCulture)))
            .Select(m =>
            {
                var id = int.Parse(m.ProviderId, System.Globalization.CultureInfo.InvariantCulture);
                var reasons = m.Signals.Where(s => s.Name != Core.Matching.SignalNames.Sector).OrderByDescending(s => s.Contribution).Take(3).Select(s => s.Why).ToList();
                return new CyberProvider(id, names[id], m.Score, reasons);
            }).ToList();
    }
}

/// <summary>The result of trying to publish: the stored tender, or the reasons it was refused.</summary>
public sealed record PublishResult(PublishedTender? Tender, IReadOnlyList<string> Errors);

/// <summary>Publishes a project's current tender draft as an OCDS release package after schema validation.</summary>
public sealed class TenderPublisher(CityBridgeDb db, AssessmentHistory history, OcdsSchemaValidator validator, IConfiguration configuration, TimeProvider clock)
{
    public const string OcidPrefixSetting = "Readiness:OcidPrefix";

    /// <summary>A placeholder in the registered format for development; a real publisher registers its own with OCP.</summary>
    public const string DefaultOcidPrefix = "ocds-cbdemo";

    public string OcidPrefix => ReadOcidPrefix(configuration);

    /// <summary>The configured ocid prefix, or a clear start-up failure when it is not in the registered format.</summary>
    public static string ReadOcidPrefix(IConfiguration configuration)
    {
        var prefix = configuration[OcidPrefixSetting] is { Length: > 0 } configured ? configured : DefaultOcidPrefix;
        return OcidPrefixFormat.IsValid(prefix)
            ? prefix
            : throw new InvalidOperationException(
                $"{OcidPrefixSetting} is \"{prefix}\", which is not an OCDS ocid prefix: it must be \"ocds-\" followed by six lowercase " +
                "letters or digits (e.g. ocds-213czf), the prefix the Open Contracting Partnership registered for the publisher. See docs/readiness.md.");
    }

    /// <summary>The project's latest release package (its permanent release address is inside, as <c>uri</c>).</summary>
    public static string PackagePath(int projectId) => $"/api/projects/{projectId}/tender/release-package.json";

    /// <summary>One published release's own package, kept unchanged at this address for good.</summary>
    public static string ReleasePath(int projectId, string releaseId) => $"/api/projects/{projectId}/tender/releases/{releaseId}.json";

    /// <summary>The record package linking every release the project has published.</summary>
    public static string RecordPath(int projectId) => $"/api/projects/{projectId}/tender/record-package.json";

    public async Task<PublishResult> PublishAsync(ProjectDto project, Uri siteRoot, CancellationToken ct)
    {
        if (await history.FindAsync(project.Id, ReadinessPart.Procurement, null, ct) is not { } saved)
        {
            return new(null, ["Save a tender in the tender builder before publishing it."]);
        }

        var assessment = AssessmentHistory.Read<ProcurementAssessment>(saved);
        var required = assessment.Checklist.Where(c => c.Status == ChecklistStatus.RequiredInTender).Select(c => c.Standard).ToList();
        var countryName = await db.Countries.AsNoTracking().Where(c => c.Code == project.CountryCode).Select(c => c.Name).FirstOrDefaultAsync(ct)
            ?? project.CountryCode;
        var source = new TenderSource(project.Id, project.Title, project.CityId, project.CityName, countryName, project.BudgetUsd, assessment.Tender, required);
        var count = await db.PublishedTenders.CountAsync(t => t.ProjectId == project.Id, ct);
        var now = clock.GetUtcNow();
        var releaseId = OcdsReleaseMapper.ReleaseId(OcdsReleaseMapper.Ocid(OcidPrefix, project.Id), count + 1);
        var package = OcdsReleaseMapper.Map(source, OcidPrefix, count + 1, now, new Uri(siteRoot, ReleasePath(project.Id, releaseId)).ToString());
        var json = JsonSerializer.Serialize(package, ReadinessJson.Ocds);
        var errors = validator.Validate(json);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var release = package.Releases[0];
        var tender = new PublishedTender { ProjectId = project.Id, Ocid = release.Ocid, ReleaseId = release.Id, ReleasePackageJson = json, PublishedAt = now };
        db.PublishedTenders.Add(tender);
        await db.SaveChangesAsync(ct);
        return new(tender, []);
    }

    public Task<string?> LatestPackageAsync(int projectId, CancellationToken ct) =>
        db.PublishedTenders.AsNoTracking().Where(t => t.ProjectId == projectId).OrderByDescending(t => t.Id).Select(t => t.ReleasePackageJson).FirstOrDefaultAsync(ct);

    public Task<string?> ReleasePackageAsync(int projectId, string releaseId, CancellationToken ct) =>
        db.PublishedTenders.AsNoTracking().Where(t => t.ProjectId == projectId && t.ReleaseId == releaseId)
            .Select(t => t.ReleasePackageJson).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The record package of every release published for the project, or null before the first; each release is linked
    /// by the permanent address stored in its own package.
    /// </summary>
    public async Task<string?> RecordPackageAsync(int projectId, Uri siteRoot, CancellationToken ct)
    {
        var published = await db.PublishedTenders.AsNoTracking().Where(t => t.ProjectId == projectId).OrderBy(t => t.Id)
            .Select(t => new { t.Ocid, t.ReleaseId, t.PublishedAt, t.ReleasePackageJson }).ToListAsync(ct);
        if (published.Count == 0)
        {
            return null;
        }

        var releases = published.Select(t => (t.Ocid, t.ReleaseId, PackageUri(t.ReleasePackageJson), t.PublishedAt)).ToList();
        var record = OcdsReleaseMapper.Record(new Uri(siteRoot, RecordPath(projectId)).ToString(), releases);
        return JsonSerializer.Serialize(record, ReadinessJson.Ocds);
    }

    private static string PackageUri(string packageJson)
    {
        using var document = JsonDocument.Parse(packageJson);
        return document.RootElement.GetProperty("uri").GetString()!;
    }
}
