using CityBridge.Core.Domain;

namespace CityBridge.Core.Matching;

/// <summary>
/// A synthetic but plausible market for benchmarks and tests: providers and city projects written from per-sector
/// phrase banks, deterministic for a seed.
/// </summary>
public static class MarketGenerator
{
    private sealed record SectorWords(string Key, string[] Offers, string[] Needs, string[] Standards);

    private static readonly SectorWords[] Banks =
    [
        new("water", ["acoustic leak detection for water mains", "smart water meters with remote reading", "pressure management to cut non-revenue water", "membrane filtration for drinking water", "wastewater treatment upgrades", "flood sensors and drainage control", "water network hydraulic modelling"],
            ["reduce water loss in the distribution network", "replace mechanical meters with smart meters", "upgrade the wastewater treatment plant", "warn residents of urban flooding", "model the water network for expansion", "improve drinking water quality"], ["ISO 24510", "ISO 24512", "ISO 46001"]),
        new("energy", ["smart grid management software", "LED street lighting with central control", "rooftop solar and storage systems", "advanced metering infrastructure for electricity", "building energy management", "demand response platforms"],
            ["cut the energy bill of street lighting", "install smart electricity meters", "add solar power to public buildings", "balance the grid at peak hours", "monitor energy use in municipal buildings"], ["ISO 50001", "IEC 61850"]),
        new("transportation", ["adaptive traffic signal control", "bus rapid transit fleet management", "smart parking sensors and apps", "electronic fare collection", "traffic data analytics", "electric bus charging infrastructure"],
            ["ease traffic congestion at junctions", "launch a bus rapid transit line", "manage on-street parking", "introduce a contactless fare card", "electrify the city bus fleet"], ["ISO 39001", "ISO 37154"]),
        new("safety-security", ["video analytics for public safety", "integrated emergency command centres", "disaster early warning systems", "emergency call handling", "CCTV networks for public spaces"],
            ["build a city operations and command centre", "warn residents before floods and storms", "speed up emergency response", "monitor public spaces with CCTV"], ["ISO 22320", "ISO 22301"]),
        new("cybersecurity", ["security operations centre services", "identity and access management", "protection of industrial control systems", "penetration testing of city systems", "incident response retainers"],
            ["protect water and power control systems from attack", "set up a municipal security operations centre", "secure citizen identity for e-services", "assess the cyber risk of city systems"], ["ISO/IEC 27001", "IEC 62443", "NIST CSF"]),
        new("waste", ["route optimisation for waste collection", "waste-to-energy plants", "recycling sorting systems", "fill-level sensors for bins", "landfill gas capture"],
            ["optimise waste collection routes", "build a waste-to-energy plant", "raise recycling rates", "close and rehabilitate the landfill"], ["ISO 14001"]),
        new("digital-government", ["citizen e-services portals", "open data platforms", "digital identity for residents", "city data platforms", "online permit and licensing systems"],
            ["put permits and licences online", "publish open data", "build a city data platform", "give residents a digital identity"], ["ISO 37106", "ISO/IEC 27001"]),
        new("planning", ["digital twins of cities", "GIS and urban planning software", "building information modelling", "smart building controls"],
            ["build a digital twin of the city centre", "modernise the land-use plan with GIS", "plan a new smart district"], ["ISO 37120", "ISO 19650"]),
        new("health", ["telemedicine platforms", "health information systems", "public-health surveillance dashboards"],
            ["connect district clinics by telemedicine", "digitise health records", "track disease outbreaks"], ["ISO 27799", "HL7 FHIR"]),
        new("connectivity", ["IoT sensor networks on LoRaWAN", "public Wi-Fi networks", "5G small cells", "fibre backbone networks", "data centre design"],
            ["deploy an IoT sensor network", "offer free public Wi-Fi", "lay a municipal fibre network", "build a city data centre"], ["IEEE 802.11", "ISO/IEC 30141"]),
        new("environment", ["air-quality monitoring networks", "climate risk assessment", "urban heat mapping", "green infrastructure design"],
            ["monitor air quality across the city", "assess climate risk for the coastline", "reduce urban heat islands"], ["ISO 14064", "ISO 37123"]),
    ];

    private static readonly string[] Openings = ["We provide", "Specialists in", "Our company delivers", "Leading supplier of", "Engineering firm offering"];
    private static readonly string[] ProjectOpenings = ["The city wants to", "The municipality plans to", "A priority for the city is to", "The city government aims to"];
    private static readonly string[] NamePrefixes = ["Aqua", "Grid", "Metro", "Civic", "Terra", "Volt", "Sky", "Urban", "Blue", "Bright", "Core", "Delta", "Summit", "Harbor", "Pioneer", "Atlas"];
    private static readonly string[] NameSuffixes = ["Systems", "Technologies", "Networks", "Solutions", "Engineering", "Labs", "Analytics", "Works", "Dynamics", "Partners"];
    private static readonly string[] Asean = ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"];
    private static readonly (string City, string Country)[] Cities =
    [
        ("Makassar", "ID"), ("Jakarta", "ID"), ("Banyuwangi", "ID"), ("Da Nang", "VN"), ("Ha Noi", "VN"), ("Ho Chi Minh City", "VN"),
        ("Bangkok", "TH"), ("Chonburi", "TH"), ("Phuket", "TH"), ("Kuala Lumpur", "MY"), ("Johor Bahru", "MY"), ("Kuching", "MY"),
        ("Manila", "PH"), ("Cebu City", "PH"), ("Davao City", "PH"), ("Phnom Penh", "KH"), ("Siem Reap", "KH"), ("Battambang", "KH"),
        ("Vientiane", "LA"), ("Luang Prabang", "LA"), ("Yangon", "MM"), ("Mandalay", "MM"), ("Nay Pyi Taw", "MM"), ("Bandar Seri Begawan", "BN"), ("Singapore", "SG"),
    ];

    public static Market Generate(int seed, int providers, int projects)
    {
        var random = new Random(seed);
        var providerList = new List<MatchProvider>(providers);
        for (var i = 0; i < providers; i++)
        {
            var sectors = PickSectors(random);
            var solutions = Enumerable.Range(0, random.Next(0, 4)).Select(_ =>
            {
                var key = sectors[random.Next(sectors.Count)];
                var bank = Banks.First(b => b.Key == key);
                var offer = Pick(random, bank.Offers);
                return new MatchSolution(Capitalise(offer), $"{Capitalise(offer)} for cities, with {Pick(random, bank.Offers)}.", [bank.Key], random.Next(2) == 0 ? [Pick(random, bank.Standards)] : []);
            }).ToList();
            var main = Banks.First(b => b.Key == sectors[0]);
            var description = $"{Pick(random, Openings)} {Pick(random, main.Offers)} and {Pick(random, main.Offers)}."
                + (sectors.Count > 1 ? $" Also {Pick(random, Banks.First(b => b.Key == sectors[1]).Offers)}." : "");
            var min = random.Next(3) == 0 ? (decimal?)null : random.Next(1, 20) * 100_000m;
            providerList.Add(new MatchProvider(
                $"p-{i + 1}",
                $"{Pick(random, NamePrefixes)}{Pick(random, NameSuffixes)} {i + 1}",
                description,
                sectors,
                Asean.OrderBy(_ => random.Next()).Take(random.Next(0, 4)).Append("US").ToList(),
                sectors.Select(s => Banks.First(b => b.Key == s)).Where(_ => random.Next(2) == 0).Select(b => Pick(random, b.Standards)).ToList(),
                solutions)
            {
                DealSizeMinUsd = min,
                DealSizeMaxUsd = min is null ? null : min * random.Next(5, 50),
            });
        }

        var projectList = new List<MatchProject>(projects);
        for (var i = 0; i < projects; i++)
        {
            var sectors = PickSectors(random);
            var bank = Banks.First(b => b.Key == sectors[0]);
            var (city, country) = Pick(random, Cities);
            var need = Pick(random, bank.Needs);
            projectList.Add(new MatchProject(
                $"prj-{i + 1}",
                $"{Capitalise(need)} in {city}",
                $"{Pick(random, ProjectOpenings)} {need}. It looks for {Pick(random, bank.Offers)}.",
                city,
                country,
                sectors,
                random.Next(2) == 0 ? [Pick(random, bank.Standards)] : [],
                (ProjectStage)random.Next(0, 5),
                random.Next(4) == 0 ? null : random.Next(1, 200) * 250_000m));
        }

        return new Market(providerList, projectList);
    }

    private static List<string> PickSectors(Random random)
    {
        var first = Pick(random, Banks).Key;
        return random.Next(3) == 0 ? [first, Pick(random, Banks.Where(b => b.Key != first).ToArray()).Key] : [first];
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
