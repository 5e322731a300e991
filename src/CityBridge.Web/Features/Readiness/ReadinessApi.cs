using CityBridge.Core.Domain;
using CityBridge.Core.Readiness;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityBridge.Web.Features.Readiness;

/// <summary>One part's readiness in the API summary.</summary>
public sealed record PartSummary(ReadinessPart Part, decimal CompletenessPercent, decimal ScorePercent, IReadOnlyList<string> Missing, int? CurrentVersion);

/// <summary>A project's readiness in the API.</summary>
public sealed record ReadinessSummary(int ProjectId, decimal OverallScorePercent, decimal OverallCompletenessPercent, IReadOnlyList<PartSummary> Parts, string? TenderUrl);

/// <summary>An assessment version in a history list.</summary>
public sealed record VersionListItem(int Number, DateTimeOffset CreatedAt, string? CreatedBy);

/// <summary>Where a published tender can be fetched.</summary>
public sealed record PublishedTenderDto(string Ocid, string ReleaseId, DateTimeOffset PublishedAt, string Url);

public static class ReadinessApi
{
    public static RouteGroupBuilder MapReadinessApi(this IEndpointRouteBuilder app)
    {
        // Fails start-up with a clear message when the configured ocid prefix is not in the registered format.
        TenderPublisher.ReadOcidPrefix(app.ServiceProvider.GetRequiredService<IConfiguration>());
        var group = app.MapGroup("/api/projects/{projectId:int}").WithTags("readiness").AddEndpointFilter<BrowserSessionCsrfFilter>();

        group.MapGet("/readiness", async Task<IResult> (int projectId, HttpContext http, CancellationToken ct) =>
        {
            var report = await new ReadinessFeature(http.RequestServices).Reports.BuildAsync(projectId, ct);
            return report is null ? ProjectNotFound(projectId) : TypedResults.Ok(new ReadinessSummary(projectId, report.Readiness.OverallScorePercent, report.Readiness.OverallCompletenessPercent,
                report.Readiness.Parts.Select(p => new PartSummary(p.Part, p.CompletenessPercent, p.ScorePercent, p.Missing, report.Versions.TryGetValue(p.Part, out var n) ? n : null)).ToList(),
                report.Tender is null ? null : TenderPublisher.PackagePath(projectId)));
        }).Produces<ReadinessSummary>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A project's readiness: completeness, score and what is missing for plan, finance, procurement and cyber.");

        group.MapGet("/readiness/{part}", async Task<IResult> (int projectId, string part, HttpContext http, CancellationToken ct) =>
            await ReadVersionAsync(http, projectId, part, null, ct)).Produces<AssessmentVersion>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("The current version of one assessment (plan, finance, procurement or cyber).");

        group.MapGet("/readiness/{part}/versions/{number:int}", async Task<IResult> (int projectId, string part, int number, HttpContext http, CancellationToken ct) =>
            await ReadVersionAsync(http, projectId, part, number, ct)).Produces<AssessmentVersion>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("An older version of one assessment.");

        group.MapGet("/readiness/{part}/versions", async Task<IResult> (int projectId, string part, HttpContext http, CancellationToken ct) =>
        {
            var feature = new ReadinessFeature(http.RequestServices);
            if (!TryPart(part, out var p))
            {
                return UnknownPart(part);
            }

            if (await feature.Reports.FindProjectAsync(projectId, ct) is null)
            {
                return ProjectNotFound(projectId);
            }

            var versions = await feature.History.VersionsAsync(projectId, p, ct);
            return TypedResults.Ok(versions.Select(v => new VersionListItem(v.Number, v.CreatedAt, v.CreatedBy)).ToList());
        }).Produces<List<VersionListItem>>().WithSummary("All saved versions of one assessment, newest first.");

        group.MapPost("/readiness/plan", (int projectId, ProjectPlan plan, HttpContext http, CancellationToken ct) =>
            SaveAsync(http, projectId, ReadinessPart.Plan, ReadinessFeature.Normalize(plan), (p, f, _) => ReadinessValidation.Plan(p, f.Catalog), ct))
            .Produces<AssessmentVersion>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Save a new version of the plan: objectives, stakeholders, phases, ISO 37120/37122 KPIs.");
        group.MapPost("/readiness/finance", (int projectId, FinancePlan plan, HttpContext http, CancellationToken ct) =>
            SaveAsync(http, projectId, ReadinessPart.Finance, ReadinessFeature.Normalize(plan), (p, _, _) => ReadinessValidation.Finance(p), ct))
            .Produces<AssessmentVersion>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Save a new version of the finance plan: USD rates, funding lines per year, scenarios.");
        group.MapPost("/readiness/procurement", (int projectId, ProcurementAssessment assessment, HttpContext http, CancellationToken ct) =>
            SaveAsync(http, projectId, ReadinessPart.Procurement, ReadinessFeature.Normalize(assessment), (a, f, project) => ReadinessValidation.Procurement(a, f.Catalog.StandardsFor(project.Sectors)), ct))
            .Produces<AssessmentVersion>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Save a new version of the standards checklist and tender draft.");
        group.MapPost("/readiness/cyber", (int projectId, CyberAssessment assessment, HttpContext http, CancellationToken ct) =>
            SaveAsync(http, projectId, ReadinessPart.Cyber, ReadinessFeature.Normalize(assessment), (a, f, _) => ReadinessValidation.Cyber(a, f.Catalog), ct))
            .Produces<AssessmentVersion>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Save a new version of the NIST CSF 2.0 self-assessment.");

        group.MapPost("/tender/publish", async Task<IResult> (int projectId, HttpContext http, CancellationToken ct) =>
        {
            var feature = new ReadinessFeature(http.RequestServices);
            if (await feature.Reports.FindProjectAsync(projectId, ct) is not var (project, mayEdit))
            {
                return ProjectNotFound(projectId);
            }

            if (!mayEdit)
            {
                return MayNotEdit(http);
            }

            var result = await (await feature.PublisherAsync()).PublishAsync(project, http.RequestServices.GetRequiredService<Shared.PublicUrls>().Root, ct);
            if (result.Tender is not { } tender)
            {
                return TypedResults.Problem(title: "The tender does not meet the OCDS 1.1 schema.", detail: string.Join(" ", result.Errors),
                    statusCode: StatusCodes.Status422UnprocessableEntity, extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
            }

            var url = TenderPublisher.ReleasePath(projectId, tender.ReleaseId);
            return TypedResults.Created(url, new PublishedTenderDto(tender.Ocid, tender.ReleaseId, tender.PublishedAt, url));
        }).Produces<PublishedTenderDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
          .ProducesProblem(StatusCodes.Status404NotFound)
          .WithSummary("Publish the saved tender as an OCDS 1.1 release package, validated against the official schema first.");

        group.MapGet("/tender/release-package.json", async Task<IResult> (int projectId, HttpContext http, CancellationToken ct) =>
        {
            var feature = new ReadinessFeature(http.RequestServices);
            if (await feature.Reports.FindProjectAsync(projectId, ct) is null)
            {
                return ProjectNotFound(projectId);
            }

            var json = await (await feature.PublisherAsync()).LatestPackageAsync(projectId, ct);
            return json is null
                ? TypedResults.Problem(title: "Not published", detail: $"Project {projectId} has no published tender yet.", statusCode: StatusCodes.Status404NotFound)
                : TypedResults.Text(json, "application/json", System.Text.Encoding.UTF8);
        }).Produces<OcdsReleasePackage>(StatusCodes.Status200OK, "application/json").ProducesProblem(StatusCodes.Status404NotFound)
          .WithSummary("The project's latest published tender as an OCDS 1.1 release package; its uri is the release's own address.");

        group.MapGet("/tender/releases/{releaseId}.json", async Task<IResult> (int projectId, string releaseId, HttpContext http, CancellationToken ct) =>
        {
            var feature = new ReadinessFeature(http.RequestServices);
            if (await feature.Reports.FindProjectAsync(projectId, ct) is null)
            {
                return ProjectNotFound(projectId);
            }

            var json = await (await feature.PublisherAsync()).ReleasePackageAsync(projectId, releaseId, ct);
            return json is null
                ? TypedResults.Problem(title: "Not found", detail: $"Project {projectId} has published no release \"{releaseId}\".", statusCode: StatusCodes.Status404NotFound)
                : TypedResults.Text(json, "application/json", System.Text.Encoding.UTF8);
        }).Produces<OcdsReleasePackage>(StatusCodes.Status200OK, "application/json").ProducesProblem(StatusCodes.Status404NotFound)
          .WithSummary("One published release, exactly as published, at its own permanent address.");

        group.MapGet("/tender/record-package.json", async Task<IResult> (int projectId, HttpContext http, CancellationToken ct) =>
        {
            var feature = new ReadinessFeature(http.RequestServices);
            if (await feature.Reports.FindProjectAsync(projectId, ct) is null)
            {
                return ProjectNotFound(projectId);
            }

            var json = await (await feature.PublisherAsync()).RecordPackageAsync(projectId, http.RequestServices.GetRequiredService<Shared.PublicUrls>().Root, ct);
            return json is null
                ? TypedResults.Problem(title: "Not published", detail: $"Project {projectId} has no published tender yet.", statusCode: StatusCodes.Status404NotFound)
                : TypedResults.Text(json, "application/json", System.Text.Encoding.UTF8);
        }).Produces<OcdsRecordPackage>(StatusCodes.Status200OK, "application/json").ProducesProblem(StatusCodes.Status404NotFound)
          .WithSummary("An OCDS 1.1 record package linking every release the project has published, oldest first.");

        return group;
    }

    private static async Task<IResult> SaveAsync<T>(HttpContext http, int projectId, ReadinessPart part, T payload, Func<T, ReadinessFeature, Projects.ProjectDto, ValidationErrors> validate, CancellationToken ct)
    {
        var feature = new ReadinessFeature(http.RequestServices);
        if (await feature.Reports.FindProjectAsync(projectId, ct) is not var (project, mayEdit))
        {
            return ProjectNotFound(projectId);
        }

        if (!mayEdit)
        {
            return MayNotEdit(http);
        }

        var errors = validate(payload, feature, project);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The input is not valid.");
        }

        var saved = await feature.History.SaveAsync(projectId, part, payload, await feature.ActorNameAsync(ct), ct);
        return TypedResults.Created($"/api/projects/{projectId}/readiness/{part.ToString().ToLowerInvariant()}/versions/{saved.Number}", AssessmentHistory.ToVersion(saved));
    }

    private static async Task<IResult> ReadVersionAsync(HttpContext http, int projectId, string part, int? number, CancellationToken ct)
    {
        var feature = new ReadinessFeature(http.RequestServices);
        if (!TryPart(part, out var p))
        {
            return UnknownPart(part);
        }

        if (await feature.Reports.FindProjectAsync(projectId, ct) is null)
        {
            return ProjectNotFound(projectId);
        }

        return await feature.History.FindAsync(projectId, p, number, ct) is { } found
            ? TypedResults.Ok(AssessmentHistory.ToVersion(found))
            : TypedResults.Problem(title: "Not found", detail: number is null ? $"No {part} assessment has been saved yet." : $"There is no version {number} of the {part} assessment.", statusCode: StatusCodes.Status404NotFound);
    }

    public static bool TryPart(string text, out ReadinessPart part) => Enum.TryParse(text, ignoreCase: true, out part) && Enum.IsDefined(part);

    private static ProblemHttpResult ProjectNotFound(int projectId) =>
        TypedResults.Problem(title: "Not found", detail: $"There is no project with id {projectId}.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult UnknownPart(string part) =>
        TypedResults.Problem(title: "Not found", detail: $"\"{part}\" is not a readiness part: use plan, finance, procurement or cyber.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult MayNotEdit(HttpContext http) => (http.User.Identity?.IsAuthenticated == true
        ? Refusal.Forbidden("Only the project's city and program staff may change its readiness.")
        : Refusal.SignInRequired("Sign in as the project's city or as staff to change its readiness.")).ToProblem();
}
