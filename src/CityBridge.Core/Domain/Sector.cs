namespace CityBridge.Core.Domain;

/// <summary>One entry of the fixed sector taxonomy shared by projects, solutions and programs.</summary>
public sealed record Sector(string Key, string Name, string Description, IReadOnlyList<string> RelatedKeys);

/// <summary>The product's fixed sector taxonomy; keys are part of the match-v1 contract.</summary>
public static class SectorTaxonomy
{
    public static IReadOnlyList<Sector> All { get; } =
    [
        new("energy", "Energy and smart grid", "Smart grids, metering, renewables, street lighting and energy efficiency.", ["environment", "planning"]),
        new("water", "Water and wastewater", "Water supply, non-revenue water and leak detection, treatment, drainage and flood control.", ["environment", "health"]),
        new("transportation", "Transportation", "Public transport, traffic management, smart parking, mobility data and electric mobility.", ["planning", "environment"]),
        new("safety-security", "Safety and security", "Emergency response, CCTV and video analytics, disaster early warning and command centres.", ["cybersecurity", "digital-government"]),
        new("cybersecurity", "Cybersecurity", "Protection of city systems, security operations, identity and critical-infrastructure security.", ["digital-government", "safety-security", "connectivity"]),
        new("waste", "Waste management", "Collection, recycling, waste-to-energy and landfill management.", ["environment", "energy"]),
        new("digital-government", "Digital government", "E-services, open data, city platforms and digital identity.", ["cybersecurity", "connectivity"]),
        new("planning", "Built environment and urban planning", "Urban planning, digital twins, GIS, smart buildings and construction.", ["transportation", "energy"]),
        new("health", "Health", "Telemedicine, health information systems and public-health monitoring.", ["digital-government"]),
        new("connectivity", "Telecoms and IoT networks", "Broadband, 5G, public Wi-Fi, IoT sensor networks and data centres.", ["digital-government", "cybersecurity"]),
        new("environment", "Environment and climate resilience", "Air-quality monitoring, climate adaptation, green spaces and resilience.", ["water", "energy"]),
    ];

    private static readonly Dictionary<string, Sector> ByKey = All.ToDictionary(s => s.Key, StringComparer.Ordinal);

    public static bool IsKnown(string key) => ByKey.ContainsKey(key);

    public static Sector Get(string key) => ByKey[key];

    public static string NameOf(string key) => ByKey.TryGetValue(key, out var sector) ? sector.Name : key;

    /// <summary>True when the two sectors are different but neighbours in the taxonomy.</summary>
    public static bool AreRelated(string a, string b) =>
        a != b && ByKey.TryGetValue(a, out var sa) && ByKey.TryGetValue(b, out var sb)
        && (sa.RelatedKeys.Contains(b) || sb.RelatedKeys.Contains(a));
}
