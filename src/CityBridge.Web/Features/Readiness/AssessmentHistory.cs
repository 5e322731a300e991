using System.Text.Json;
using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Readiness;

/// <summary>A stored assessment version as the API shows it.</summary>
public sealed record AssessmentVersion(int Number, ReadinessPart Part, DateTimeOffset CreatedAt, string? CreatedBy, JsonElement Payload);

/// <summary>Saves assessments as new versions and reads the current or an older one.</summary>
public sealed class AssessmentHistory(CityBridgeDb db, TimeProvider clock)
{
    /// <summary>Adds the next version of <paramref name="part"/>; the unique index refuses a racing duplicate number.</summary>
    public async Task<ProjectAssessment> SaveAsync<T>(int projectId, ReadinessPart part, T payload, string? savedBy, CancellationToken ct)
    {
        var last = await db.Assessments.Where(a => a.ProjectId == projectId && a.Part == part).MaxAsync(a => (int?)a.Number, ct) ?? 0;
        var assessment = new ProjectAssessment
        {
            ProjectId = projectId,
            Part = part,
            Number = last + 1,
            Payload = JsonSerializer.Serialize(payload, ReadinessJson.Options),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = savedBy,
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        return assessment;
    }

    /// <summary>Version <paramref name="number"/>, or the latest when null; null when there is none.</summary>
    public Task<ProjectAssessment?> FindAsync(int projectId, ReadinessPart part, int? number, CancellationToken ct)
    {
        var query = db.Assessments.AsNoTracking().Where(a => a.ProjectId == projectId && a.Part == part);
        return number is { } n ? query.FirstOrDefaultAsync(a => a.Number == n, ct) : query.OrderByDescending(a => a.Number).FirstOrDefaultAsync(ct);
    }

    public async Task<T> LatestAsync<T>(int projectId, ReadinessPart part, T empty, CancellationToken ct) =>
        await FindAsync(projectId, part, null, ct) is { } latest ? Read<T>(latest) : empty;

    /// <summary>All versions of a part, newest first, without payloads.</summary>
    public async Task<IReadOnlyList<ProjectAssessment>> VersionsAsync(int projectId, ReadinessPart part, CancellationToken ct) =>
        await db.Assessments.AsNoTracking().Where(a => a.ProjectId == projectId && a.Part == part).OrderByDescending(a => a.Number)
            .Select(a => new ProjectAssessment { Id = a.Id, ProjectId = a.ProjectId, Part = a.Part, Number = a.Number, CreatedAt = a.CreatedAt, CreatedBy = a.CreatedBy, Payload = string.Empty })
            .ToListAsync(ct);

    public static T Read<T>(ProjectAssessment assessment) =>
        JsonSerializer.Deserialize<T>(assessment.Payload, ReadinessJson.Options) ?? throw new InvalidOperationException($"Assessment {assessment.Id} has an empty payload.");

    public static AssessmentVersion ToVersion(ProjectAssessment a) =>
        new(a.Number, a.Part, a.CreatedAt, a.CreatedBy, JsonDocument.Parse(a.Payload).RootElement.Clone());
}
