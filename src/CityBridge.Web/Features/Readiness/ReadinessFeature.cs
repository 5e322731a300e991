using CityBridge.Core.Readiness;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;

namespace CityBridge.Web.Features.Readiness;

/// <summary>
/// The feature's collaborators, built per request from the host's services. The feature registers only its
/// endpoints (one line in CityBridgeApp), so its own small classes are composed here instead of in DI.
/// </summary>
public sealed class ReadinessFeature(IServiceProvider services)
{
    private CityBridgeDb Db => services.GetRequiredService<CityBridgeDb>();

    private TimeProvider Clock => services.GetRequiredService<TimeProvider>();

    public ReadinessCatalog Catalog => ReadinessCatalog.Shipped;

    public AssessmentHistory History => new(Db, Clock);

    public ReadinessReports Reports => new(Db, History, Catalog, services.GetRequiredService<CurrentActor>());

    public async Task<TenderPublisher> PublisherAsync() =>
        new(Db, History, await OcdsSchemaValidator.ShippedAsync(), services.GetRequiredService<IConfiguration>(), Clock);

    public async Task<string> ActorNameAsync(CancellationToken ct) => (await services.GetRequiredService<CurrentActor>().GetAsync(ct)).Name;

    /// <summary>JSON bodies may omit lists; the core expects empty ones.</summary>
    public static ProjectPlan Normalize(ProjectPlan plan) =>
        new(plan.Objectives ?? [], plan.Stakeholders ?? [], plan.Phases ?? [], plan.Kpis ?? []);

    public static FinancePlan Normalize(FinancePlan plan) =>
        new(plan.Rates ?? [], plan.Funding ?? [], (plan.Scenarios ?? []).Select(s => s with { Years = s.Years ?? [], Currency = s.Currency ?? "USD" }).ToList());

    public static ProcurementAssessment Normalize(ProcurementAssessment assessment)
    {
        var tender = assessment.Tender ?? TenderDraft.Empty;
        return new(assessment.Checklist ?? [], tender with { Items = tender.Items ?? [], Currency = tender.Currency ?? "USD" });
    }

    public static CyberAssessment Normalize(CyberAssessment assessment) => new(assessment.Ratings ?? []);
}
