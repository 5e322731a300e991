using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CityBridge.Core.Readiness;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Readiness;

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

/// <summary>
/// The ISO 37120 / 37122 indicator list: every row names its standard, edition and how far it was checked, and every
/// clause and name it takes from a public source is in the copy of that source kept in data/iso/.
/// </summary>
public sealed partial class IsoIndicatorListTests
{
    private static readonly IReadOnlyList<IsoIndicator> Indicators = ReadinessCatalog.Shipped.IsoIndicators;

    private static readonly IReadOnlyList<IsoIndicator> FromIso = [.. Indicators.Where(i => i.Check != IndicatorCheck.CityBridgeKpi)];

    private static string Kept(string file) => Path.Combine(DataSeeder.ShippedDataFolder, "iso", file);

    [Theory]
    [InlineData("iso37120-2014-ontology-labels.csv", "5dc3f6fe8a7ad253478766d09f39f2f01f7d23274f4ea67c4ac830a4fd9b2459")]
    [InlineData("kopavogur-nightingale.csv", "51e1f5b63fe883d1ca01c7b2ebcd8d446ce1723651ba891048b5248c7b2b5eb2")]
    public void The_kept_copies_of_the_published_lists_are_the_files_named_in_their_README(string file, string sha256)
    {
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Kept(file)))));
        Assert.Contains($"`{sha256}`", File.ReadAllText(Kept("README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_ISO_indicator_names_its_standard_and_edition_and_says_how_far_it_was_checked()
    {
        Assert.All(FromIso, i =>
        {
            Assert.True(i.Standard == "ISO 37120" ? i.Edition is "2014" or "2018" : i.Standard == "ISO 37122" && i.Edition == "2019", i.Indicator);
            Assert.StartsWith(i.Check switch
            {
                IndicatorCheck.TwoSources => "two public sources: ",
                IndicatorCheck.OneSource => "one public source: ",
                IndicatorCheck.ClauseOnly => "clause from one public source ",
                _ => "not found",
            }, i.Source, StringComparison.Ordinal);
            Assert.Equal(i.Check == IndicatorCheck.NotFound, i.Clause is null);
        });
        Assert.Equal(FromIso.Count, FromIso.Select(i => (i.Standard, i.Edition, i.Clause ?? i.Indicator)).Distinct().Count());
    }

    [Fact]
    public void Every_name_taken_from_a_public_source_is_in_the_kept_copy_under_the_same_clause()
    {
        var published = PublishedNames();

        Assert.All(FromIso.Where(i => i.Check is IndicatorCheck.OneSource or IndicatorCheck.TwoSources), i =>
        {
            var copies = published.Where(p => (p.Standard, p.Edition, p.Clause, p.Name) == (i.Standard, i.Edition, i.Clause, i.Indicator))
                .Select(p => p.File).Distinct().ToList();
            Assert.True(copies.Count >= (i.IsVerified ? 2 : 1), $"{i.Citation} \"{i.Indicator}\" is in {copies.Count} kept copies.");
        });
    }

    [Fact]
    public void Every_clause_taken_from_an_Icelandic_page_is_in_the_kept_copy_without_an_English_name()
    {
        var kopavogur = KopavogurRows();

        Assert.All(FromIso.Where(i => i.Check == IndicatorCheck.ClauseOnly), i =>
        {
            var row = Assert.Single(kopavogur, r => (r["standard"], r["edition"], r["clause"]) == (i.Standard, i.Edition, i.Clause));
            Assert.NotEmpty(row["name_is"]);
            Assert.Empty(row["name_en"]);
        });
    }

    [Fact]
    public void The_ISO_37122_economy_indicator_takes_the_place_of_the_invented_start_up_KPI()
    {
        Assert.DoesNotContain(Indicators, i => i.Indicator.Contains("start-ups", StringComparison.OrdinalIgnoreCase));
        var survival = Assert.Single(Indicators, i => i.Citation == "ISO 37122:2019, 5.2");
        Assert.Equal("Survival rate of new businesses per 100 000 population", survival.Indicator);
    }

    [Fact]
    public void A_plan_saved_under_an_indicators_former_name_still_finds_it()
    {
        var renamed = ReadinessCatalog.Shipped.FindIndicator("ISO 37122",
            "Percentage of the city population with an online unified health file accessible to health care providers");

        Assert.Equal("ISO 37122:2019, 11.1", renamed?.Citation);
        Assert.Equal("Percentage of the city’s population with an online unified health file accessible to health care providers", renamed?.Indicator);
    }

    [Theory]
    [InlineData("CityBridge,,,one-source")]
    [InlineData("ISO 37122,2019,,citybridge")]
    [InlineData("CityBridge,2019,,citybridge")]
    [InlineData("ISO 37122,2019,9.9,not-found")]
    [InlineData("ISO 37122,2019,,one-source")]
    public void A_list_that_passes_a_CityBridge_KPI_off_as_ISO_or_claims_a_check_it_lacks_is_refused(string row)
    {
        var error = Assert.Throws<InvalidDataException>(() => CatalogWith($"{row},Economy,Start-ups per 100 000 population,,test row"));

        Assert.Contains("Start-ups per 100 000 population", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_CityBridge_KPI_is_cited_and_shown_as_not_from_ISO()
    {
        var kpi = Assert.Single(CatalogWith("CityBridge,,,citybridge,Economy,Start-ups per 100 000 population,,CityBridge's own KPI").IsoIndicators);

        Assert.Equal("CityBridge KPI (not from ISO)", kpi.Citation);
        Assert.Contains("not from ISO", kpi.CheckNote, StringComparison.Ordinal);
        Assert.False(kpi.IsVerified);
    }

    /// <summary>A catalogue read from a folder with the shipped NIST and sector lists and a one-row indicator list.</summary>
    private static ReadinessCatalog CatalogWith(string indicatorRow)
    {
        var folder = Directory.CreateTempSubdirectory("citybridge-iso-").FullName;
        try
        {
            foreach (var file in new[] { "nist-csf-2.0.csv", "sector-standards.csv" })
            {
                File.Copy(Path.Combine(DataSeeder.ShippedDataFolder, file), Path.Combine(folder, file));
            }

            File.WriteAllText(Path.Combine(folder, "iso37120-themes.csv"),
                $"standard,edition,clause,check,theme,indicator,formerly,source\n{indicatorRow}\n");
            return new ReadinessCatalog(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record PublishedName(string File, string Standard, string Edition, string Clause, string Name);

    /// <summary>
    /// The names in the kept copies, brought to the form the list uses: without the 2014 edition's "(core indicator)" /
    /// "(supporting indicator)" classification, and with ISO's "100 000" where
    /// Kópavogur writes "100.000".
    /// </summary>
    private static List<PublishedName> PublishedNames() =>
    [
        .. Csv(Kept("iso37120-2014-ontology-labels.csv")).Select(r =>
            new PublishedName("ontology", "ISO 37120", "2014", r["clause"], WithoutClassification(r["label"]))),
        .. KopavogurRows().Where(r => r["name_en"].Length > 0).Select(r =>
            new PublishedName("kopavogur", r["standard"], r["edition"], r["clause"], IcelandicThousands().Replace(r["name_en"], "$1 000"))),
    ];

    private static string WithoutClassification(string label) => Classification().Replace(label, string.Empty).TrimEnd();

    private static List<Dictionary<string, string>> KopavogurRows() => Csv(Kept("kopavogur-nightingale.csv"));

    private static List<Dictionary<string, string>> Csv(string file)
    {
        using var reader = new StreamReader(file);
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        return [.. csv.GetRecords<dynamic>().Select(r => ((IDictionary<string, object>)r).ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? string.Empty))];
    }

    [GeneratedRegex(@"\s*\((core|support(- )?ing) indi(- )?ca(- )?tor\)\s*$")]
    private static partial Regex Classification();

    [GeneratedRegex(@"\b(\d{1,3})\.000\b")]
    private static partial Regex IcelandicThousands();
}
