namespace CityBridge.Core.Readiness;

/// <summary>Someone with a stake in the project and what they do for it.</summary>
public sealed record Stakeholder(string Name, string Role);

/// <summary>A phase of the project with its planned dates.</summary>
public sealed record ProjectPhase(string Name, DateOnly? Start, DateOnly? End);

/// <summary>A key performance indicator taken from ISO 37120/37122, with the city's baseline and target.</summary>
public sealed record PlanKpi(string Standard, string Theme, string Indicator, decimal? Baseline, decimal? Target, int? TargetYear, string? Unit = null);

/// <summary>The plan assessment as saved: objectives, stakeholders, phases and KPIs.</summary>
public sealed record ProjectPlan(IReadOnlyList<string> Objectives, IReadOnlyList<Stakeholder> Stakeholders, IReadOnlyList<ProjectPhase> Phases, IReadOnlyList<PlanKpi> Kpis)
{
    public static ProjectPlan Empty { get; } = new([], [], [], []);
}

/// <summary>
/// An ISO 37120 (sustainable cities) or ISO 37122 (smart cities) indicator: its edition (year), clause when checked
/// against a source, theme, name as published, and where that was checked (or that it was not).
/// </summary>
public sealed record IsoIndicator(string Standard, string Theme, string Indicator, string Edition = "", string? Clause = null, string Source = "")
{
    public bool IsVerified => Clause is not null;

    /// <summary>How the indicator is cited: "ISO 37120:2014, 21.7" or "ISO 37122:2019, clause unverified".</summary>
    public string Citation => $"{Standard}:{Edition}, {(Clause is { } clause ? clause : "clause unverified")}";
}
