namespace CityBridge.Core.Programs;

/// <summary>Feedback scores of a program: how many answered, the average and how many gave each score from 1 to 5.</summary>
public sealed record FeedbackSummary(int Count, double? Average, IReadOnlyList<int> Distribution)
{
    public static FeedbackSummary Of(IEnumerable<int> scores)
    {
        var list = scores.ToList();
        if (list.Any(s => s is < 1 or > 5))
        {
            throw new ArgumentOutOfRangeException(nameof(scores), "Feedback scores run from 1 to 5.");
        }

        return new(list.Count, list.Count == 0 ? null : Math.Round(list.Average(), 2), [.. Enumerable.Range(1, 5).Select(score => list.Count(s => s == score))]);
    }
}
