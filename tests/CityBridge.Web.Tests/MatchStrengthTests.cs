using CityBridge.Core.Matching;
using CityBridge.Web.Features.Matching;
using CityBridge.Web.Features.My;

namespace CityBridge.Web.Tests;

/// <summary>
/// A match card's one-line reason is read straight from the stored signals' JSON, without reading the signals whole. It
/// must always be the reason the whole signals give.
/// </summary>
public sealed class MatchStrengthTests
{
    [Fact]
    public void The_reason_is_why_the_signal_adding_most_holds_skipping_signals_without_words()
    {
        var signals = new List<MatchSignal>
        {
            new("sector", 1, 0.08, "both work in Water"),
            new("semantic", 0.7, 0.45, "   "),
            new("keyword", 0.9, 0.30, "both mention \"leak\" detection — and Đà Nẵng's meters") { Terms = ["leak", "meters"] },
            new("country", 1, 0.30, "has delivered in Viet Nam"),
        };

        var stored = MatchingEngine.WriteSignals(signals);

        Assert.Equal("both mention \"leak\" detection — and Đà Nẵng's meters", MatchStrength.Reason(stored));
        Assert.Equal(MatchStrength.Reason(signals), MatchStrength.Reason(stored));
        Assert.Equal("similar work", MatchStrength.Reason("[]"));
        Assert.Equal("similar work", MatchStrength.Reason("null"));
    }

    [Fact]
    public void Read_from_stored_JSON_the_reason_is_the_one_the_whole_signals_give_for_any_signals()
    {
        var random = new Random(7);
        string[] words = ["", " ", "both work in Energy", "it's \"smart\" metering", "Hà Nội\n2030", "ISO 37120 \\ 37122", "<b>grid</b> & water"];
        for (var run = 0; run < 500; run++)
        {
            var signals = Enumerable.Range(0, random.Next(0, 9)).Select(i => new MatchSignal(
                    $"signal{i}", random.NextDouble(), Math.Round(random.NextDouble(), random.Next(0, 3)), words[random.Next(words.Length)])
            { Terms = [.. Enumerable.Range(0, random.Next(0, 3)).Select(t => words[random.Next(words.Length)])] })
                .ToList();

            var stored = MatchingEngine.WriteSignals(signals);

            Assert.Equal(MatchStrength.Reason(MatchingEngine.ReadSignals(stored)), MatchStrength.Reason(stored));
            Assert.Equal(MatchStrength.Reason(signals), MatchStrength.Reason(stored));
        }
    }
}
