using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace CityBridge.Load.Bench;

/// <summary>
/// An open-loop load generator: request i is due at start + i / rate, whether or not earlier ones have answered, and
/// its latency counts from that due time (so a stall shows up in the percentiles instead of slowing the sender; no
/// coordinated omission). A reply other than 2xx, a transport error or a time-out counts as an error.
/// </summary>
internal static class FixedRateDriver
{
    private sealed record Sample(string Kind, double DueSeconds, double Milliseconds, bool Failed, string? Error);

    public static async Task<int> RunAsync(string[] args)
    {
        var baseUrl = new Uri(MarketLoad.OptionText(args, "--base") ?? "http://127.0.0.1:56480");
        var urls = (await File.ReadAllLinesAsync(MarketLoad.OptionText(args, "--urls") ?? "urls.txt")).Where(l => l.Length > 2).ToArray();
        // Each URL line starts with who asks: 0 anonymous, k the k-th token. With --tokens, a file of "role token" lines
        // (the start-page run); otherwise the one staff token of --token.
        var tokens = MarketLoad.OptionText(args, "--tokens") is { } tokensFile
            ? (await File.ReadAllLinesAsync(tokensFile)).Select(l => l.Split(' ', 2)).Where(p => p.Length == 2).Select(p => (Role: p[0], Token: p[1].Trim())).ToArray()
            : [("staff", (await File.ReadAllTextAsync(MarketLoad.OptionText(args, "--token") ?? "token")).Trim())];
        var rate = double.Parse(MarketLoad.OptionText(args, "--rate") ?? "200", CultureInfo.InvariantCulture);
        var seconds = double.Parse(MarketLoad.OptionText(args, "--seconds") ?? "60", CultureInfo.InvariantCulture);
        var skip = int.Parse(MarketLoad.OptionText(args, "--skip") ?? "0", CultureInfo.InvariantCulture);

        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(10),
        };
        // The driver's own first requests JIT its HTTP stack and open connections; done before the clock starts, that
        // time is not counted against the app.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ => (await client.GetAsync("/health")).Dispose()));

        var total = (int)(rate * seconds);
        var samples = new ConcurrentBag<Sample>();
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var line = urls[(skip + i) % urls.Length];
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var asker = int.Parse(line[..space], CultureInfo.InvariantCulture);
            var (role, token) = asker == 0 ? ("anonymous", null) : tokens[asker - 1];
            inFlight.Add(SendAsync(client, token, role, line[(space + 1)..], due, clock, samples));
        }

        await Task.WhenAll(inFlight);
        var elapsed = clock.Elapsed.TotalSeconds;
        Report(samples.ToList(), total, elapsed, rate);
        return samples.Any(s => s.Failed) ? 1 : 0;
    }

    private static async Task SendAsync(HttpClient client, string? token, string role, string path, TimeSpan due, Stopwatch clock, ConcurrentBag<Sample> samples)
    {
        var kind = KindOf(path, token is not null, role);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var ms = (clock.Elapsed - due).TotalMilliseconds;
            samples.Add(new Sample(kind, due.TotalSeconds, ms, !response.IsSuccessStatusCode, response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {path}"));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            samples.Add(new Sample(kind, due.TotalSeconds, (clock.Elapsed - due).TotalMilliseconds, true, $"{ex.GetType().Name} {path}"));
        }
    }

    private static string KindOf(string path, bool staff, string role) =>
        path.StartsWith("/My", StringComparison.Ordinal) ? $"start page ({role})"
        : path.StartsWith("/Projects/Details/", StringComparison.Ordinal) ? (staff ? "project page (staff)" : "project page (anonymous)")
        : path.StartsWith("/Organizations", StringComparison.Ordinal) ? "organization search"
        : path.StartsWith("/Solutions", StringComparison.Ordinal) ? "solution search"
        : "project search";

    private static void Report(List<Sample> samples, int total, double elapsed, double rate)
    {
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant, $"fixed-rate driver: {total} requests at {rate:F0}/s, finished in {elapsed:F1} s ({total / elapsed:F1} requests/s)"));
        Console.WriteLine(string.Create(invariant, $"{"kind",-26} {"n",6} {"p50",8} {"p90",8} {"p99",8} {"max",8} {"errors",7}  (ms)"));
        foreach (var group in samples.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Append(samples.GroupBy(_ => "all").Single()))
        {
            var sorted = group.Select(s => s.Milliseconds).Order().ToArray();
            Console.WriteLine(string.Create(invariant,
                $"{group.Key,-26} {sorted.Length,6} {Percentile(sorted, 50),8:F1} {Percentile(sorted, 90),8:F1} {Percentile(sorted, 99),8:F1} {sorted[^1],8:F1} {group.Count(s => s.Failed),7}"));
        }

        // Over time, by due time: a tail spread evenly is queueing; one concentrated in a window is a stall.
        Console.WriteLine("by 10 s of due time (all kinds): " + string.Join("  ", samples.GroupBy(s => (int)(s.DueSeconds / 10)).OrderBy(g => g.Key).Select(g =>
        {
            var sorted = g.Select(s => s.Milliseconds).Order().ToArray();
            return string.Create(invariant, $"{g.Key * 10}s p50 {Percentile(sorted, 50):F0} p99 {Percentile(sorted, 99):F0}");
        })));
        foreach (var error in samples.Where(s => s.Failed).Select(s => s.Error).Distinct().Take(10))
        {
            Console.WriteLine($"error: {error}");
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
