using System.Globalization;

namespace CityBridge.Core.Readiness;

/// <summary>An OCDS 1.1 release package; property names serialize camelCase, nulls omitted.</summary>
public sealed record OcdsReleasePackage(string Uri, string Version, string PublishedDate, OcdsPublisher Publisher, IReadOnlyList<OcdsRelease> Releases);

/// <summary>Who publishes the package.</summary>
public sealed record OcdsPublisher(string Name, string? Uri = null);

/// <summary>One OCDS release describing the tender stage of a contracting process.</summary>
public sealed record OcdsRelease(
    string Ocid,
    string Id,
    string Date,
    IReadOnlyList<string> Tag,
    string InitiationType,
    IReadOnlyList<OcdsParty> Parties,
    OcdsOrganizationReference Buyer,
    OcdsPlanning? Planning,
    OcdsTender Tender,
    string Language);

/// <summary>An organization taking part, with its roles (partyRole codelist).</summary>
public sealed record OcdsParty(string Id, string Name, IReadOnlyList<string> Roles, OcdsAddress? Address);

/// <summary>A party's address; OCDS 1.1 names the country in words (<c>countryName</c>), not by code.</summary>
public sealed record OcdsAddress(string? Locality, string? CountryName);

/// <summary>A reference to an entry of the parties array.</summary>
public sealed record OcdsOrganizationReference(string Id, string Name);

/// <summary>Planning with the budget behind the tender.</summary>
public sealed record OcdsPlanning(OcdsBudget Budget);

/// <summary>The budget line that funds the tender.</summary>
public sealed record OcdsBudget(string? Description, OcdsValue? Amount, string? Project, string? ProjectID);

/// <summary>An amount with its ISO 4217 currency.</summary>
public sealed record OcdsValue(decimal? Amount, string? Currency);

/// <summary>A period; dates as RFC 3339 date-times.</summary>
public sealed record OcdsPeriod(string? StartDate, string? EndDate);

/// <summary>A tender item with its unit.</summary>
public sealed record OcdsItem(string Id, string Description, decimal Quantity, OcdsUnit Unit);

/// <summary>A unit of measure by name.</summary>
public sealed record OcdsUnit(string Name);

/// <summary>The tender section.</summary>
public sealed record OcdsTender(
    string Id,
    string? Title,
    string? Description,
    string Status,
    OcdsValue? Value,
    string ProcurementMethod,
    string MainProcurementCategory,
    OcdsPeriod? TenderPeriod,
    IReadOnlyList<OcdsItem> Items,
    OcdsOrganizationReference ProcuringEntity);

/// <summary>What the mapping needs to know about the project and its city.</summary>
public sealed record TenderSource(
    int ProjectId, string ProjectTitle, int CityId, string CityName, string CountryName, decimal? BudgetUsd, TenderDraft Tender, IReadOnlyList<string> RequiredStandards);

/// <summary>A linked release in a record: where the release lives, its date and tags.</summary>
public sealed record OcdsLinkedRelease(string Url, string Date, IReadOnlyList<string> Tag);

/// <summary>An OCDS record: every release of one contracting process, oldest first.</summary>
public sealed record OcdsRecord(string Ocid, IReadOnlyList<OcdsLinkedRelease> Releases);

/// <summary>An OCDS 1.1 record package: the packages it draws on and one record per process.</summary>
public sealed record OcdsRecordPackage(
    string Uri, string Version, string PublishedDate, OcdsPublisher Publisher, IReadOnlyList<string> Packages, IReadOnlyList<OcdsRecord> Records);

/// <summary>
/// The ocid prefix a publisher registers with the Open Contracting Partnership: <c>ocds-</c> and six lowercase
/// letters or digits (e.g. <c>ocds-213czf</c>).
/// </summary>
public static partial class OcidPrefixFormat
{
    public static bool IsValid(string? prefix) => prefix is not null && Format().IsMatch(prefix);

    [System.Text.RegularExpressions.GeneratedRegex("^ocds-[a-z0-9]{6}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Format();
}

/// <summary>Maps a project's tender draft to an OCDS 1.1 release package.</summary>
public static class OcdsReleaseMapper
{
    public const string OcdsVersion = "1.1";

    /// <summary>The ocid: the registered prefix, a hyphen and the project's id, stable across republishing.</summary>
    public static string Ocid(string prefix, int projectId) => $"{prefix}-project-{projectId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The release id: the ocid, the stage and the release's number within the process.</summary>
    public static string ReleaseId(string ocid, int releaseNumber) => $"{ocid}-tender-{releaseNumber.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// <c>planned</c> while the tender period has not started at publication, otherwise <c>active</c>: the 1.1
    /// tenderStatus codelist has no "closed", and evaluation after the period's end is still the tender process.
    /// </summary>
    public static string TenderStatus(DateTimeOffset? tenderStart, DateTimeOffset published) =>
        tenderStart is { } start && start > published ? "planned" : "active";

    /// <summary>The package for one release; <paramref name="packageUri"/> is this release's own permanent address.</summary>
    public static OcdsReleasePackage Map(TenderSource source, string ocidPrefix, int releaseNumber, DateTimeOffset now, string packageUri)
    {
        var ocid = Ocid(ocidPrefix, source.ProjectId);
        var tender = source.Tender;
        var buyer = new OcdsOrganizationReference($"citybridge-city-{source.CityId.ToString(CultureInfo.InvariantCulture)}", $"{source.CityName} city government");
        var description = source.RequiredStandards.Count == 0
            ? tender.Description
            : $"{tender.Description}\n\nThe solution must meet: {string.Join(", ", source.RequiredStandards)}.";
        var release = new OcdsRelease(
            Ocid: ocid,
            Id: ReleaseId(ocid, releaseNumber),
            Date: DateTime(now),
            Tag: ["tender"],
            InitiationType: "tender",
            Parties: [new OcdsParty(buyer.Id, buyer.Name, ["buyer", "procuringEntity"], new OcdsAddress(source.CityName, source.CountryName))],
            Buyer: buyer,
            Planning: source.BudgetUsd is { } budget
                ? new OcdsPlanning(new OcdsBudget("Estimated project budget", new OcdsValue(budget, "USD"), source.ProjectTitle,
                    source.ProjectId.ToString(CultureInfo.InvariantCulture)))
                : null,
            Tender: new OcdsTender(
                Id: $"{ocid}-tender",
                Title: tender.Title,
                Description: description,
                Status: TenderStatus(tender.TenderStart, now),
                Value: tender.Value is { } value ? new OcdsValue(value, tender.Currency) : null,
                ProcurementMethod: tender.ProcurementMethod,
                MainProcurementCategory: tender.MainProcurementCategory,
                TenderPeriod: tender.TenderStart is null && tender.TenderEnd is null ? null : new OcdsPeriod(DateTime(tender.TenderStart), DateTime(tender.TenderEnd)),
                Items: tender.Items.Select((item, i) => new OcdsItem((i + 1).ToString(CultureInfo.InvariantCulture), item.Description, item.Quantity, new OcdsUnit(item.Unit))).ToList(),
                ProcuringEntity: buyer),
            Language: "en");
        return new OcdsReleasePackage(packageUri, OcdsVersion, DateTime(now), new OcdsPublisher("CityBridge"), [release]);
    }

    /// <summary>
    /// A record package linking every published release of each process (oldest first) by the address of the package
    /// that holds it, with the release id as fragment, as the 1.1 record schema asks.
    /// </summary>
    public static OcdsRecordPackage Record(string recordPackageUri, IReadOnlyList<(string Ocid, string ReleaseId, string PackageUri, DateTimeOffset Date)> releases)
    {
        var records = releases.GroupBy(r => r.Ocid)
            .Select(g => new OcdsRecord(g.Key, g.OrderBy(r => r.Date)
                .Select(r => new OcdsLinkedRelease($"{r.PackageUri}#{r.ReleaseId}", DateTime(r.Date), ["tender"])).ToList()))
            .ToList();
        var published = releases.Count == 0 ? DateTimeOffset.UnixEpoch : releases.Max(r => r.Date);
        return new OcdsRecordPackage(recordPackageUri, OcdsVersion, DateTime(published), new OcdsPublisher("CityBridge"),
            releases.Select(r => r.PackageUri).Distinct().ToList(), records);
    }

    /// <summary>RFC 3339 in UTC, as OCDS's date-time format requires.</summary>
    public static string DateTime(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? DateTime(DateTimeOffset? instant) => instant is { } value ? DateTime(value) : null;
}
