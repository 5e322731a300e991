namespace CityBridge.Web.Features.DataExchange;

/// <summary>What a CSV file holds; each kind has a fixed header documented in docs/import-export.md.</summary>
public enum CsvKind
{
    Providers,
    Solutions,
    Projects,
    Contacts,
}

/// <summary>A row the import refused, with the file's line number and every reason.</summary>
public sealed record RejectedRow(int Line, IReadOnlyList<string> Reasons);

/// <summary>The outcome of one import: either every row was stored, or none was.</summary>
public sealed record ImportReport(CsvKind Kind, int RowsRead, int Created, int Updated, IReadOnlyList<RejectedRow> Rejected, bool DryRun)
{
    public bool Succeeded => Rejected.Count == 0;

    public string Summary => Succeeded
        ? $"{(DryRun ? "Checked" : "Imported")} {RowsRead} {Kind.ToString().ToLowerInvariant()} row(s): {Created} new, {Updated} updated."
        : $"Nothing was imported: {Rejected.Count} of {RowsRead} row(s) have errors. Fix them and import the file again.";
}

/// <summary>Rows handled so far, for progress bars.</summary>
public sealed record ImportProgress(int Done, int Total);

/// <summary>The columns of each kind, in the order exports write them.</summary>
public static class CsvColumns
{
    public static readonly string[] Providers = ["name", "country", "website", "sectors", "experienceCountries", "standards", "description"];
    public static readonly string[] Solutions = ["provider", "name", "sectors", "standards", "referenceCities", "description"];
    public static readonly string[] Projects = ["city", "countryCode", "title", "sectors", "stage", "budgetUsd", "startDate", "endDate", "standards", "description", "published"];
    public static readonly string[] Contacts = ["organization", "fullName", "email", "jobTitle", "phone"];

    public static string[] For(CsvKind kind) => kind switch
    {
        CsvKind.Providers => Providers,
        CsvKind.Solutions => Solutions,
        CsvKind.Projects => Projects,
        _ => Contacts,
    };

    /// <summary>The columns that must be present in the header.</summary>
    public static string[] RequiredFor(CsvKind kind) => kind switch
    {
        CsvKind.Providers => ["name"],
        CsvKind.Solutions => ["provider", "name", "sectors"],
        CsvKind.Projects => ["city", "countryCode", "title", "sectors", "stage"],
        _ => ["organization", "fullName", "email"],
    };
}
