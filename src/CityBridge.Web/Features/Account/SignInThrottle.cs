using Microsoft.Extensions.Caching.Memory;

namespace CityBridge.Web.Features.Account;

/// <summary>
/// Failed password sign-ins per account and client address, with an exponential back-off. Counting per pair (not per
/// account) means nobody can lock a known user out by failing on purpose from elsewhere; it applies alike to addresses
/// with and without an account, so it reveals no accounts. Kept in memory per instance (see docs/security.md).
/// </summary>
public sealed class SignInThrottle(TimeProvider clock) : IDisposable
{
    /// <summary>Failures allowed before the first wait.</summary>
    public const int FreeAttempts = 5;

    public static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly Lock _gate = new();

    public static string AccountKey(string? email) => (email ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>How long this account and client must still wait before the next attempt; null when they may try now.</summary>
    public TimeSpan? WaitFor(string email, string client)
    {
        if (!_failures.TryGetValue(Key(email, client), out Failures? failures) || failures is null)
        {
            return null;
        }

        var wait = failures.BlockedUntil - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : null;
    }

    /// <summary>Counts a failure; from the sixth on, each doubles the wait (1, 2, 4 ... 60 minutes).</summary>
    public void Failed(string email, string client)
    {
        var key = Key(email, client);
        lock (_gate)
        {
            var count = (_failures.TryGetValue(key, out Failures? previous) && previous is not null ? previous.Count : 0) + 1;
            var now = clock.GetUtcNow();
            var wait = count <= FreeAttempts
                ? TimeSpan.Zero
                : TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, FirstWait.Ticks << Math.Min(count - FreeAttempts - 1, 16)));
            _failures.Set(key, new Failures(count, now + wait),
                new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = wait + LongestWait });
        }
    }

    public void Succeeded(string email, string client) => _failures.Remove(Key(email, client));

    public void Dispose() => _failures.Dispose();

    private static string Key(string email, string client) => $"{AccountKey(email)}|{client}";

    private sealed record Failures(int Count, DateTimeOffset BlockedUntil);
}
