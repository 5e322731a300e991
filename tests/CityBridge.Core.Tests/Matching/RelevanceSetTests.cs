using CityBridge.Core.Domain;
using CityBridge.Core.Matching;

namespace CityBridge.Core.Tests.Matching;

/// <summary>A small hand-made market where a program officer would agree on the order without hesitation.</summary>
public sealed class RelevanceSetTests(EmbeddedMarket market) : IClassFixture<EmbeddedMarket>
{
    private static readonly MatchProvider LeakDetection = new(
        "aquasense", "AquaSense", "Acoustic leak detection and smart water meters that cut non-revenue water for utilities.",
        ["water"], ["ID", "VN"], ["ISO 24510"],
        [new MatchSolution("LeakWatch", "Acoustic sensors that find leaks in water mains before they burst.", ["water"], ["ISO 24512"])]);

    private static readonly MatchProvider WastewaterPlants = new(
        "cleanflow", "CleanFlow", "Design and build of wastewater treatment plants and sludge handling.",
        ["water"], ["TH"], [], []);

    private static readonly MatchProvider TrafficSignals = new(
        "greenwave", "GreenWave Mobility", "Adaptive traffic signal control and traffic data analytics that ease congestion at junctions.",
        ["transportation"], ["VN", "PH"], ["ISO 39001"],
        [new MatchSolution("SignalFlow", "Adaptive signal timing from live traffic counts.", ["transportation"], [])]);

    private static readonly MatchProvider SecurityOperations = new(
        "shieldops", "ShieldOps", "Security operations centre services and protection of industrial control systems for utilities.",
        ["cybersecurity"], ["SG", "MY"], ["ISO/IEC 27001", "IEC 62443"], []);

    private static readonly MatchProvider WasteRouting = new(
        "binroute", "BinRoute", "Fill-level sensors for bins and route optimisation for waste collection trucks.",
        ["waste"], ["ID"], ["ISO 14001"], []);

    private static readonly MatchProvider CityGis = new(
        "terramap", "TerraMap", "GIS and digital twin software for urban planning departments.",
        ["planning"], ["KH"], ["ISO 19650"], []);

    private static readonly MatchProvider[] Providers = [LeakDetection, WastewaterPlants, TrafficSignals, SecurityOperations, WasteRouting, CityGis];

    public static TheoryData<string, string[]> ClearCases => new()
    {
        // project id → providers in the order they must appear (others may sit between them)
        { "makassar-nrw", ["aquasense", "cleanflow", "greenwave"] },
        { "danang-traffic", ["greenwave", "terramap"] },
        { "water-soc", ["shieldops", "binroute"] },
        { "surabaya-waste", ["binroute", "aquasense"] },
        { "phnompenh-twin", ["terramap", "binroute"] },
    };

    private static readonly MatchProject[] Projects =
    [
        new("makassar-nrw", "Cut non-revenue water in Makassar", "Find and repair leaks in the water distribution network and install smart meters.", "Makassar", "ID", ["water"], ["ISO 24510"], ProjectStage.Procurement, 12_000_000m),
        new("danang-traffic", "Adaptive traffic signals for Da Nang", "Reduce congestion at the busiest junctions with signals that adapt to traffic.", "Da Nang", "VN", ["transportation"], [], ProjectStage.Design, 8_000_000m),
        new("water-soc", "Protect the water utility from cyber attack", "Set up monitoring of the control systems of the water utility by a security operations centre.", "Singapore", "SG", ["cybersecurity"], ["IEC 62443"], ProjectStage.Planning, null),
        new("surabaya-waste", "Smarter waste collection in Surabaya", "Plan collection routes from bin fill levels to save fuel.", "Surabaya", "ID", ["waste"], [], ProjectStage.Idea, 2_000_000m),
        new("phnompenh-twin", "Digital twin of central Phnom Penh", "A GIS-based digital twin to plan the growth of the city centre.", "Phnom Penh", "KH", ["planning"], [], ProjectStage.Planning, 5_000_000m),
    ];

    [Theory]
    [MemberData(nameof(ClearCases))]
    public void Clear_cases_are_ranked_in_the_expected_order(string projectId, string[] expectedOrder)
    {
        using var index = market.Index(Providers);
        var ranking = market.Rank(index, Projects.Single(p => p.Id == projectId), Providers.Length).Select(m => m.ProviderId).ToList();

        var positions = expectedOrder.Where(ranking.Contains).Select(id => ranking.IndexOf(id)).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(expectedOrder[0], ranking[0]);
    }

    [Fact]
    public void Explanations_name_the_reasons_in_plain_words()
    {
        using var index = market.Index(Providers);

        var best = market.Rank(index, Projects[0], 1).Single();

        Assert.Equal("aquasense", best.ProviderId);
        Assert.Equal("LeakWatch", best.BestSolution);
        Assert.Equal("both work in Water and wastewater", Why(best, SignalNames.Sector));
        Assert.Equal("has delivered in Indonesia", Why(best, SignalNames.Country));
        Assert.Equal("meets ISO 24510 that the project asks for", Why(best, SignalNames.Standards));
        Assert.Equal("the project is procuring now", Why(best, SignalNames.Stage));
        Assert.Contains("leak", Why(best, SignalNames.Keyword), StringComparison.Ordinal);
        Assert.StartsWith("its LeakWatch (Acoustic sensors that find leaks in water mains before they burst)", Why(best, SignalNames.Semantic), StringComparison.Ordinal);
        Assert.DoesNotContain(best.Signals, s => s.Why.Contains("similarity", StringComparison.Ordinal));
        Assert.Contains(best.Signals.Single(s => s.Name == SignalNames.Keyword).Terms, t => t.StartsWith("leak", StringComparison.Ordinal));
    }

    [Fact]
    public void A_neighbouring_sector_earns_half_the_sector_signal()
    {
        using var index = market.Index(Providers);

        var ranking = market.Rank(index, Projects.Single(p => p.Id == "water-soc"), Providers.Length);

        // Cybersecurity's neighbours include safety and security, digital government and connectivity, not waste.
        Assert.Equal(1, ranking.Single(m => m.ProviderId == "shieldops").Signals[0].Value);
        Assert.Equal(0, ranking.Single(m => m.ProviderId == "binroute").Signals[0].Value);
        Assert.Equal(0.5, MatchSignalsValue(["cybersecurity"], ["safety-security"]));
    }

    private static double MatchSignalsValue(string[] projectSectors, string[] providerSectors) =>
        MatchSignals.Sector(MatchSignals.SectorBitsOf(projectSectors), MatchSignals.SectorMask(providerSectors));

    private static string Why(ProviderMatch match, string signal) => match.Signals.Single(s => s.Name == signal).Why;
}
