using System.Text.Json.Serialization;
using CityBridge.Core.Domain;
using CityBridge.Core.Matching;
using static CityBridge.Cli.JsonFiles;

namespace CityBridge.Cli.Matching;

/// <summary>The match-v1 input as written on disk; nullable so the reader can name what is missing.</summary>
internal sealed record MarketDocument(string? Format, List<ProviderDocument?>? Providers, List<ProjectDocument?>? Projects);

internal sealed record SolutionDocument(string? Name, string? Description, List<string?>? Sectors, List<string?>? Standards);

/// <remarks>stages, dealSizeMinUsd and dealSizeMaxUsd are optional extensions of match-v1.</remarks>
internal sealed record ProviderDocument(
    string? Id, string? Name, string? Description, List<string?>? Sectors, List<string?>? Countries, List<string?>? Standards,
    List<SolutionDocument?>? Solutions, List<string?>? Stages, decimal? DealSizeMinUsd, decimal? DealSizeMaxUsd);

internal sealed record ProjectDocument(
    string? Id, string? Title, string? Description, string? City, string? Country, List<string?>? Sectors, List<string?>? Standards, string? Stage, decimal? BudgetUsd);

internal sealed record SignalDocument(string Name, double Value, double Contribution, string Why);

/// <remarks>solution (the best-fitting solution's name) is an optional extension of match-v1.</remarks>
internal sealed record ProviderMatchDocument(
    string Provider,
    double Score,
    List<SignalDocument> Signals,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Solution);

internal sealed record ProjectMatchesDocument(string Project, List<ProviderMatchDocument> Providers);

internal sealed record MatchesDocument(string Format, List<ProjectMatchesDocument> Matches);

/// <summary>Reads, checks and writes match-v1 files; the first problem wins and names its field.</summary>
internal static class MatchJson
{
    public const string FormatTag = "match-v1";

    public static async Task<Market> ReadMarketAsync(FileInfo file, CancellationToken ct) => ToMarket(await ReadAsync<MarketDocument>(file, ct));

    public static Task WriteMatchesAsync(FileInfo file, IReadOnlyList<ProjectMatches> matches, CancellationToken ct) =>
        WriteAsync(file, ToDocument(matches), ct);

    public static MatchesDocument ToDocument(IReadOnlyList<ProjectMatches> matches) => new(
        FormatTag,
        matches.Select(m => new ProjectMatchesDocument(
            m.ProjectId,
            m.Providers.Select(p => new ProviderMatchDocument(
                p.ProviderId,
                p.Score,
                p.Signals.Select(s => new SignalDocument(s.Name, s.Value, s.Contribution, s.Why)).ToList(),
                p.BestSolution)).ToList())).ToList());

    public static Market ToMarket(MarketDocument document)
    {
        if (document.Format is not null && document.Format != FormatTag)
        {
            Fail("format", $"expected '{FormatTag}' but found '{document.Format}'");
        }

        var providers = Items(document.Providers, "providers", Provider);
        var projects = Items(document.Projects, "projects", Project);
        return new Market(providers, projects);
    }

    private static List<T> Items<TDocument, T>(List<TDocument?>? documents, string path, Func<TDocument, string, T> read)
        where TDocument : class
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<T>();
        for (var i = 0; i < (documents?.Count ?? 0); i++)
        {
            var item = read(documents![i] ?? Fail<TDocument>($"{path}[{i}]", "must be an object"), $"{path}[{i}]");
            var id = item switch { MatchProvider p => p.Id, MatchProject p => p.Id, _ => "" };
            if (!ids.Add(id))
            {
                Fail($"{path}[{i}].id", $"duplicate id '{id}'");
            }

            items.Add(item);
        }

        return items;
    }

    private static MatchProvider Provider(ProviderDocument p, string path)
    {
        var min = Money(p.DealSizeMinUsd, $"{path}.dealSizeMinUsd");
        var max = Money(p.DealSizeMaxUsd, $"{path}.dealSizeMaxUsd");
        if (min > max)
        {
            Fail($"{path}.dealSizeMaxUsd", "must not be below dealSizeMinUsd");
        }

        return new MatchProvider(
            Required(p.Id, $"{path}.id"),
            Required(p.Name, $"{path}.name"),
            p.Description,
            Sectors(p.Sectors, $"{path}.sectors"),
            Countries(p.Countries, $"{path}.countries"),
            Texts(p.Standards, $"{path}.standards"),
            (p.Solutions ?? []).Select((s, i) => Solution(s ?? Fail<SolutionDocument>($"{path}.solutions[{i}]", "must be an object"), $"{path}.solutions[{i}]")).ToList())
        {
            Stages = (p.Stages ?? []).Select((s, i) => Stage(s, $"{path}.stages[{i}]") ?? Fail<ProjectStage>($"{path}.stages[{i}]", "must not be empty")).ToList(),
            DealSizeMinUsd = min,
            DealSizeMaxUsd = max,
        };
    }

    private static MatchSolution Solution(SolutionDocument s, string path) =>
        new(Required(s.Name, $"{path}.name"), s.Description, Sectors(s.Sectors, $"{path}.sectors"), Texts(s.Standards, $"{path}.standards"));

    private static MatchProject Project(ProjectDocument p, string path) => new(
        Required(p.Id, $"{path}.id"),
        Required(p.Title, $"{path}.title"),
        p.Description,
        p.City,
        p.Country is null ? null : Country(p.Country, $"{path}.country"),
        Sectors(p.Sectors, $"{path}.sectors"),
        Texts(p.Standards, $"{path}.standards"),
        Stage(p.Stage, $"{path}.stage"),
        Money(p.BudgetUsd, $"{path}.budgetUsd"));

    private static string Required(string? value, string path) =>
        string.IsNullOrWhiteSpace(value) ? Fail<string>(path, "is required") : value;

    private static List<string> Texts(List<string?>? values, string path) =>
        (values ?? []).Select((v, i) => Required(v, $"{path}[{i}]")).ToList();

    private static List<string> Sectors(List<string?>? values, string path) =>
        (values ?? []).Select((v, i) => v is not null && SectorTaxonomy.IsKnown(v)
            ? v
            : Fail<string>($"{path}[{i}]", $"unknown sector '{v}'; known: {string.Join(", ", SectorTaxonomy.All.Select(s => s.Key))}")).ToList();

    private static List<string> Countries(List<string?>? values, string path) =>
        (values ?? []).Select((v, i) => Country(v, $"{path}[{i}]")).ToList();

    private static string Country(string? value, string path) =>
        value is { Length: 2 } && value.All(char.IsAsciiLetter)
            ? value.ToUpperInvariant()
            : Fail<string>(path, $"'{value}' is not an ISO 3166-1 alpha-2 country code");

    private static ProjectStage? Stage(string? value, string path) =>
        value is null ? null
        : Enum.TryParse<ProjectStage>(value, ignoreCase: true, out var stage) && !int.TryParse(value, out _) ? stage
        : Fail<ProjectStage>(path, $"unknown stage '{value}'; known: {string.Join(", ", Enum.GetNames<ProjectStage>().Select(n => n.ToLowerInvariant()))}");

    private static decimal? Money(decimal? value, string path) =>
        value is < 0 ? Fail<decimal>(path, "must not be negative") : value;
}
