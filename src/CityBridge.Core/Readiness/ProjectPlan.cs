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

/// <summary>How far an indicator's clause and name were checked against public sources.</summary>
public enum IndicatorCheck
{
    /// <summary>Two independent public sources give the same clause and name.</summary>
    TwoSources,

    /// <summary>One public source gives the clause and the name.</summary>
    OneSource,

    /// <summary>One public source gives the clause, but not the name in English.</summary>
    ClauseOnly,

    /// <summary>No public source was found; neither clause nor name is confirmed.</summary>
    NotFound,

    /// <summary>A KPI of CityBridge's own, not taken from ISO.</summary>
    CityBridgeKpi,
}

/// <summary>
/// An ISO 37120 (sustainable cities) or ISO 37122 (smart cities) indicator, or a CityBridge KPI: its edition
/// (year), clause when a source gave one, theme, name as published, how far that was checked, and the name
/// it was listed under before (so plans saved with that name still find it).
/// </summary>
public sealed record IsoIndicator(
    string Standard, string Theme, string Indicator, string Edition = "", string? Clause = null, string Source = "",
    IndicatorCheck Check = IndicatorCheck.NotFound, string? Formerly = null)
{
    /// <summary>The standard's name for CityBridge's own KPIs, which are not from ISO.</summary>
    public const string CityBridgeStandard = "CityBridge";

    /// <summary>True when two independent public sources agree on the clause and the name.</summary>
    public bool IsVerified => Check == IndicatorCheck.TwoSources;

    /// <summary>How it is cited, e.g. "ISO 37120:2014, 21.7" or "ISO 37122:2019, clause not found".</summary>
    public string Citation => Check == IndicatorCheck.CityBridgeKpi
        ? "CityBridge KPI (not from ISO)"
        : $"{Standard}:{Edition}, {(Clause is { } clause ? clause : "clause not found")}";

    /// <summary>How far it was checked, shown after the name; empty when two sources agree.</summary>
    public string CheckNote => Check switch
    {
        IndicatorCheck.TwoSources => string.Empty,
        IndicatorCheck.OneSource => "one public source",
        IndicatorCheck.ClauseOnly => "English name unconfirmed",
        IndicatorCheck.CityBridgeKpi => "CityBridge KPI, not from ISO",
        _ => "clause not found",
    };

    /// <summary>True for the name it is listed under now or, when it was renamed, the name it had before.</summary>
    public bool IsNamed(string indicator) => Indicator == indicator || Formerly == indicator;
}
