namespace CityBridge.Core.Readiness;

/// <summary>Where a project stands on one standard from its sector's checklist.</summary>
public enum ChecklistStatus
{
    NotReviewed,
    RequiredInTender,
    AlreadyMet,
    NotApplicable,
}

/// <summary>A standard recommended for a sector (from data/sector-standards.csv).</summary>
public sealed record SectorStandard(string Sector, string Standard, string Title);

/// <summary>One checklist line as saved.</summary>
public sealed record StandardCheck(string Standard, ChecklistStatus Status, string? Note = null);

/// <summary>A line of goods, services or works to be procured.</summary>
public sealed record TenderItem(string Description, decimal Quantity, string Unit);

/// <summary>The tender as drafted in the tender builder; OCDS codes for method ("open", "selective", "limited", "direct") and category ("goods", "services", "works").</summary>
public sealed record TenderDraft(
    string? Title,
    string? Description,
    string ProcurementMethod,
    string MainProcurementCategory,
    decimal? Value,
    string Currency,
    DateTimeOffset? TenderStart,
    DateTimeOffset? TenderEnd,
    IReadOnlyList<TenderItem> Items)
{
    public static TenderDraft Empty { get; } = new(null, null, "open", "services", null, "USD", null, null, []);
}

/// <summary>The procurement assessment as saved: the standards checklist and the tender draft.</summary>
public sealed record ProcurementAssessment(IReadOnlyList<StandardCheck> Checklist, TenderDraft Tender)
{
    public static ProcurementAssessment Empty { get; } = new([], TenderDraft.Empty);
}
