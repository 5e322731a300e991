using System.Text;
using System.Text.RegularExpressions;

namespace CityBridge.Web.Tests;

/// <summary>One iCalendar component as read back: its name, properties (name to raw values) and sub-components.</summary>
public sealed record IcsComponent(string Name, Dictionary<string, List<string>> Properties, List<IcsComponent> Children)
{
    public string? Value(string property) => Properties.TryGetValue(property, out var values) ? values[0] : null;

    public IEnumerable<IcsComponent> All(string name) => Children.Where(c => c.Name == name);
}

/// <summary>
/// A strict RFC 5545 reader written for the tests, independent of Ical.Net (which the app writes with): CRLF line
/// ends, lines of at most 75 octets, unfolding, BEGIN/END nesting, the calendar's and each event's required
/// properties, UTC date-times, and at least one component per calendar. It throws on the first rule broken.
/// </summary>
public static partial class IcsChecker
{
    /// <summary>The STATUS values RFC 5545 allows on a VEVENT.</summary>
    private static readonly string[] EventStatuses = ["TENTATIVE", "CONFIRMED", "CANCELLED"];

    public static IcsComponent Parse(string text)
    {
        Assert.False(string.IsNullOrEmpty(text), "The calendar is empty.");
        Assert.True(text.EndsWith("\r\n", StringComparison.Ordinal), "The calendar must end with CRLF (RFC 5545 §3.1).");
        var physical = text[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            Assert.False(line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal), $"A bare LF or CR inside a line: {line}");
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets, not folded (§3.1): {line}");
        }

        var logical = new List<string>();
        foreach (var line in physical)
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                Assert.True(logical.Count > 0, "A continuation line before any content line.");
                logical[^1] += line[1..];
            }
            else
            {
                Assert.True(line.Length > 0, "An empty content line.");
                logical.Add(line);
            }
        }

        var stack = new Stack<IcsComponent>();
        IcsComponent? root = null;
        foreach (var line in logical)
        {
            var match = ContentLine().Match(line);
            Assert.True(match.Success, $"Not a content line (name[;params]:value): {line}");
            var name = match.Groups["name"].Value.ToUpperInvariant();
            var value = match.Groups["value"].Value;
            if (name == "BEGIN")
            {
                Assert.True(root is null, "Content after the end of the calendar.");
                var component = new IcsComponent(value.ToUpperInvariant(), [], []);
                if (stack.Count == 0)
                {
                    Assert.Equal("VCALENDAR", component.Name);
                }
                else
                {
                    stack.Peek().Children.Add(component);
                }

                stack.Push(component);
            }
            else if (name == "END")
            {
                Assert.True(stack.Count > 0, "END without BEGIN.");
                var closed = stack.Pop();
                Assert.Equal(closed.Name, value.ToUpperInvariant());
                Check(closed);
                if (stack.Count == 0)
                {
                    root = closed;
                }
            }
            else
            {
                Assert.True(stack.Count > 0, $"A property outside any component: {line}");
                var properties = stack.Peek().Properties;
                if (!properties.TryGetValue(name, out var values))
                {
                    properties[name] = values = [];
                }

                values.Add(value);
            }
        }

        Assert.True(root is not null && stack.Count == 0, "The calendar is not closed with END:VCALENDAR.");
        return root!;
    }

    private static void Check(IcsComponent c)
    {
        switch (c.Name)
        {
            case "VCALENDAR":
                Once(c, "PRODID");
                Assert.Equal("2.0", Once(c, "VERSION"));
                Assert.True(c.Children.Count > 0, "A calendar needs at least one component (RFC 5545 §3.6).");
                break;
            case "VEVENT":
                Once(c, "UID");
                Utc(Once(c, "DTSTAMP"));
                Utc(Once(c, "DTSTART"));
                Assert.False(c.Properties.ContainsKey("DTEND") && c.Properties.ContainsKey("DURATION"), "DTEND and DURATION together.");
                if (c.Value("DTEND") is { } end)
                {
                    Assert.True(string.CompareOrdinal(Utc(end), Utc(c.Value("DTSTART")!)) > 0, "An event must end after it starts.");
                }

                if (c.Value("SEQUENCE") is { } sequence)
                {
                    Assert.True(int.TryParse(sequence, out var n) && n >= 0, $"SEQUENCE must be a non-negative integer: {sequence}");
                }

                if (c.Value("LAST-MODIFIED") is { } modified)
                {
                    Utc(modified);
                }

                if (c.Value("STATUS") is { } status)
                {
                    Assert.Contains(status, EventStatuses);
                }

                foreach (var single in new[] { "CLASS", "CREATED", "DESCRIPTION", "LOCATION", "SEQUENCE", "STATUS", "SUMMARY", "LAST-MODIFIED", "DTEND" })
                {
                    Assert.True(!c.Properties.TryGetValue(single, out var values) || values.Count == 1, $"{single} appears more than once in a VEVENT.");
                }

                break;
            case "VJOURNAL":
            case "VTODO":
                Once(c, "UID");
                Utc(Once(c, "DTSTAMP"));
                break;
        }
    }

    private static string Once(IcsComponent c, string property)
    {
        Assert.True(c.Properties.TryGetValue(property, out var values) && values.Count == 1, $"{c.Name} needs exactly one {property}.");
        return values![0];
    }

    private static string Utc(string value)
    {
        Assert.Matches(UtcDateTime(), value);
        return value;
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9-]+)(;[A-Za-z0-9-]+=(""[^""]*""|[^;:,""]*)(,(""[^""]*""|[^;:,""]*))*)*:(?<value>.*)$")]
    private static partial Regex ContentLine();

    [GeneratedRegex(@"^\d{8}T\d{6}Z$")]
    private static partial Regex UtcDateTime();
}
