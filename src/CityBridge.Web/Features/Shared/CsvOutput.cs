using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace CityBridge.Web.Features.Shared;

/// <summary>
/// Every CSV the app writes goes through this writer: a cell that starts with = + - @ tab or carriage return gets a
/// leading single quote (OWASP's advice against formula injection), so a spreadsheet shows it as text and runs nothing.
/// Imports read cells as they are; see docs/security.md.
/// </summary>
public static class CsvOutput
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
        InjectionEscapeCharacter = '\'',
    };

    public static CsvWriter Writer(TextWriter writer) => new(writer, Configuration);
}
