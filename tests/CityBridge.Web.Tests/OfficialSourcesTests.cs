using System.Globalization;
using System.Security.Cryptography;
using CityBridge.Web.Data;

namespace CityBridge.Web.Tests;

/// <summary>The shipped standards and reference data are the official artefacts named in the READMEs beside them.</summary>
public sealed class OfficialSourcesTests
{
    private static string Shipped(params string[] path) => Path.Combine([DataSeeder.ShippedDataFolder, .. path]);

    private static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    [Theory]
    [InlineData("release-package-schema.json", "06577cec73cc16eca0cac331a7ea9ee9cd684b21c55f5f0711f7442623153698")]
    [InlineData("release-schema.json", "fac192e1ccfb061f5164bdb2d64c29e517c0f81661996b97de40cebc55a2c1bc")]
    [InlineData("record-package-schema.json", "ba7bc9acfc307b6f311a54a62f686f1d9e199e61712314f995a090b660168da1")]
    [InlineData("versioned-release-validation-schema.json", "7b0271756c954eba16fdd1b364811aaf5381d23d057400b906a2aa978dc5cf84")]
    public void The_OCDS_schemas_are_the_1_1_5_release_files_byte_for_byte(string file, string sha256)
    {
        Assert.Equal(sha256, Sha256(Shipped("ocds", file)));
        Assert.Contains($"`{sha256}`", File.ReadAllText(Shipped("ocds", "README.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WUP2018-F02-Proportion_Urban.xls", "528fdf4e78184c7770f4ece1352d21181ce8e28ad527f03af83f53df60ba49ad")]
    [InlineData("WUP2018-F03-Urban_Population.xls", "4d6ab34e4f84158473ba2bad98756d4ce48e5811d684818537537771fb96f261")]
    [InlineData("F02-asean-rows.csv", "35e361a3960d0b481c8883b611f5fa54800ce2f66c6a055cee88baf4b0f70474")]
    [InlineData("F03-asean-rows.csv", "7dd702d6826d68b74b64a6d017ce9c73227c97aeef225095e48e6fa25052e9d6")]
    public void The_World_Urbanization_Prospects_files_are_the_ones_named_in_their_README(string file, string sha256)
    {
        Assert.Equal(sha256, Sha256(Shipped("wup2018", file)));
        Assert.Contains($"`{sha256}`", File.ReadAllText(Shipped("wup2018", "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_urban_percentage_in_countries_csv_is_the_File_2_value_for_2025_and_2050_to_one_decimal()
    {
        var published = Rows(Shipped("wup2018", "F02-asean-rows.csv"), "countryCode");

        foreach (var country in Rows(Shipped("countries.csv")))
        {
            var row = published[NumericCode(country["code"])];
            Assert.Equal(Round(row["2025"], 1), decimal.Parse(country["urbanSharePercentToday"], CultureInfo.InvariantCulture));
            Assert.Equal(Round(row["2050"], 1), decimal.Parse(country["urbanSharePercent2050"], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Every_urban_population_in_countries_csv_is_the_File_3_value_in_whole_thousands()
    {
        var published = Rows(Shipped("wup2018", "F03-asean-rows.csv"), "countryCode");

        foreach (var country in Rows(Shipped("countries.csv")))
        {
            var row = published[NumericCode(country["code"])];
            Assert.Equal(Round(row["2025"], 0) * 1000, decimal.Parse(country["urbanPopulationToday"], CultureInfo.InvariantCulture));
            Assert.Equal(Round(row["2050"], 0) * 1000, decimal.Parse(country["urbanPopulation2050"], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void The_figures_quoted_from_the_published_File_2_are_in_the_shipped_table()
    {
        // Cambodia, Myanmar, Philippines and Lao PDR in 2050 as quoted in issue 21 from the UN's File 2.
        var countries = Rows(Shipped("countries.csv")).ToDictionary(c => c["code"], c => c["urbanSharePercent2050"]);

        Assert.Equal(("41.2", "47.1", "61.8", "55.7"), (countries["KH"], countries["MM"], countries["PH"], countries["LA"]));
    }

    private static decimal Round(string value, int decimals) =>
        Math.Round(decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture), decimals, MidpointRounding.AwayFromZero);

    private static string NumericCode(string alpha2) => alpha2 switch
    {
        "BN" => "96",
        "KH" => "116",
        "ID" => "360",
        "LA" => "418",
        "MY" => "458",
        "MM" => "104",
        "PH" => "608",
        "SG" => "702",
        "TH" => "764",
        "VN" => "704",
        _ => throw new ArgumentOutOfRangeException(nameof(alpha2), alpha2, "Not an ASEAN member."),
    };

    /// <summary>Rows of a simple CSV (no quoted commas), keyed by header; WUP extracts keyed by country code.</summary>
    private static List<Dictionary<string, string>> Rows(string file)
    {
        var lines = File.ReadAllLines(file).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static Dictionary<string, Dictionary<string, string>> Rows(string file, string key) =>
        Rows(file).ToDictionary(r => r[key]);
}

/// <summary>The ISO 37120 / 37122 indicator list says for each indicator which edition and clause it is, or that it is unchecked.</summary>
public sealed class IsoIndicatorListTests
{
    private static readonly string[] IsoCityStandards = ["ISO 37120", "ISO 37122"];

    private static readonly IReadOnlyList<CityBridge.Core.Readiness.IsoIndicator> Indicators = Features.Readiness.ReadinessCatalog.Shipped.IsoIndicators;

    [Fact]
    public void Every_indicator_names_its_standard_and_edition_and_either_a_clause_or_that_it_is_unverified()
    {
        Assert.All(Indicators, i =>
        {
            Assert.Contains(i.Standard, IsoCityStandards);
            Assert.Matches("^(2014|2018|2019)$", i.Edition);
            Assert.True(i.Clause is not null ? i.Source.StartsWith("verified", StringComparison.Ordinal) : i.Source.StartsWith("unverified", StringComparison.Ordinal), i.Indicator);
        });
    }

    [Fact]
    public void Clauses_are_unique_within_an_edition_and_sit_under_the_right_theme_clause()
    {
        var verified = Indicators.Where(i => i.IsVerified).ToList();

        Assert.Equal(verified.Count, verified.Select(i => i.Citation).Distinct().Count());
        // In ISO 37120:2014 the themes are clauses 5 (Economy) to 21 (Water and sanitation), e.g. 21.7 water loss.
        Assert.Contains(verified, i => i.Citation == "ISO 37120:2014, 21.7" && i.Indicator == "Percentage of water loss (unaccounted for water)");
        Assert.Contains(verified, i => i.Citation == "ISO 37120:2014, 6.2" && i.Indicator.EndsWith(": survival rate", StringComparison.Ordinal));
    }

    [Fact]
    public void The_invented_start_up_indicator_is_gone()
    {
        Assert.DoesNotContain(Indicators, i => i.Indicator.Contains("start-ups", StringComparison.OrdinalIgnoreCase));
    }
}
