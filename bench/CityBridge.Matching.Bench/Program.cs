using System.Diagnostics;
using System.Globalization;
using CityBridge.Core.Matching;

// Matching at market scale: top-10 latency for one project (warm), a full re-match, and the memory the indexes take.
// Usage: dotnet run -c Release --project bench/CityBridge.Matching.Bench -- [providers] [projects] [seed]
//   [--random-vectors] [--queries N (default 1000, after N/5 warm-up)] [--no-rematch]
// Ranking quality on the labelled market: ... -- relevance [minilm|arctic] [--verbose]
if (args.FirstOrDefault() == "relevance")
{
    RelevanceBench.Run(args[1..]);
    return;
}

var providers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var projects = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
var queriesAt = Array.IndexOf(args, "--queries");
var queries = queriesAt >= 0 ? int.Parse(args[queriesAt + 1], CultureInfo.InvariantCulture) : 1000;
var cacheFile = Path.Combine(AppContext.BaseDirectory, $"embeddings-{seed}.bin");

var clock = Stopwatch.StartNew();
var market = MarketGenerator.Generate(seed, providers, projects);
Console.WriteLine($"generated {providers:N0} providers and {projects:N0} projects in {clock.Elapsed.TotalSeconds:0.0} s");

GC.Collect();
var heapEmpty = GC.GetTotalMemory(forceFullCollection: true);
// --random-vectors: random unit vectors instead of the model, for timing the ranking where embedding would take too
// long. Since issue #22 the semantic weight is large enough that nearly every provider's vectors are compared either
// way, so the timing is close to the real one (the explanations' wording differs, not their cost).
ITextEmbedder embedder = args.Contains("--random-vectors") ? new RandomEmbedder(seed) : new MiniLmEmbedder();
using var disposeEmbedder = (IDisposable)embedder;
var embeddings = new EmbeddingStore(embedder);
if (!args.Contains("--random-vectors"))
{
    LoadCache(embeddings, cacheFile);
}

var texts = EmbeddingStore.TextsOf(market).OfType<string>().ToList();
var distinct = texts.Select(EmbeddingText.Fingerprint).Distinct().Count();
clock.Restart();
var before = embeddings.Vectors.Count;
embeddings.EmbedMissing(texts, new Progress<MatchProgress>(p =>
{
    if (p.Done % 2048 < 64 || p.Done == p.Total)
    {
        Console.WriteLine($"  embedding {p.Done:N0}/{p.Total:N0}");
    }
}));
var embedded = embeddings.Vectors.Count - before;
if (embedded > 0 && !args.Contains("--random-vectors"))
{
    Console.WriteLine($"embedded {embedded:N0} new texts in {clock.Elapsed.TotalSeconds:0.0} s ({embedded / clock.Elapsed.TotalSeconds:0} texts/s); {texts.Count:N0} texts, {distinct:N0} distinct");
    SaveCache(embeddings, cacheFile);
}

GC.Collect();
var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
Console.WriteLine($"vector store: {embeddings.Vectors.Count:N0} vectors, {(heapBefore - heapEmpty) / 1024.0 / 1024.0:0} MiB of heap (with the loaded model)");
clock.Restart();
using var index = MarketMatcher.BuildIndex(market, embeddings, MatchWeights.Default);
var buildSeconds = clock.Elapsed.TotalSeconds;
var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
var indexMiB = (heapAfter - heapBefore) / 1024.0 / 1024.0;
Console.WriteLine($"indexed in {buildSeconds:0.0} s; index heap {indexMiB:0} MiB; process working set {Environment.WorkingSet / 1024.0 / 1024.0:0} MiB");

// Warm-up, then single-threaded latency of top-10 for random projects.
var random = new Random(seed);
for (var i = 0; i < queries / 5; i++)
{
    Top10(market.Projects[random.Next(projects)]);
}

var samples = new List<double>();
// CPU time as well as wall-clock: on a shared, loaded machine the CPU time per query is what a quiet machine would show.
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
for (var i = 0; i < queries; i++)
{
    var project = market.Projects[random.Next(projects)];
    var one = Stopwatch.StartNew();
    Top10(project);
    samples.Add(one.Elapsed.TotalMilliseconds);
}

samples.Sort();
double Percentile(double p) => samples[(int)Math.Ceiling(p * samples.Count) - 1];
Console.WriteLine($"top-10 latency over {queries:N0} projects (ms): p50 {Percentile(0.50):0.00}  p95 {Percentile(0.95):0.00}  p99 {Percentile(0.99):0.00}  max {samples[^1]:0.00}");
Console.WriteLine($"  process CPU time per query {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / queries:0.00} ms (mean)");

if (args.Contains("--no-rematch")) { return; }
clock.Restart();
var cpuRematch = Process.GetCurrentProcess().TotalProcessorTime;
var all = MarketMatcher.RankAll(index, market.Projects, embeddings, 10);
Console.WriteLine($"full re-match of {all.Count:N0} projects (top 10 each, {Environment.ProcessorCount} cores): {clock.Elapsed.TotalSeconds:0.0} s; process CPU time {(Process.GetCurrentProcess().TotalProcessorTime - cpuRematch).TotalSeconds:0.0} s");
Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MiB");

void Top10(MatchProject project) => index.Rank(project, embeddings.Get(EmbeddingText.ForProject(project)), 10);

static void LoadCache(EmbeddingStore store, string file)
{
    if (!File.Exists(file))
    {
        return;
    }

    using var reader = new BinaryReader(File.OpenRead(file));
    var count = reader.ReadInt32();
    for (var i = 0; i < count; i++)
    {
        var key = reader.ReadString();
        var length = reader.ReadInt32();
        var vector = new float[length];
        for (var j = 0; j < length; j++)
        {
            vector[j] = reader.ReadSingle();
        }

        store.Add(key, vector);
    }
}

static void SaveCache(EmbeddingStore store, string file)
{
    using var writer = new BinaryWriter(File.Create(file));
    writer.Write(store.Vectors.Count);
    foreach (var (key, vector) in store.Vectors)
    {
        writer.Write(key);
        writer.Write(vector.Length);
        foreach (var value in vector)
        {
            writer.Write(value);
        }
    }
}

/// <summary>Random unit vectors, one per text, the same for the same text.</summary>
internal sealed class RandomEmbedder(int seed) : ITextEmbedder, IDisposable
{
    public int Dimensions => 384;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        texts.Select(t =>
        {
            var random = new Random(HashCode.Combine(seed, string.GetHashCode(t, StringComparison.Ordinal)));
            var vector = new float[Dimensions];
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = (float)(random.NextDouble() - 0.5);
            }

            VectorMath.Normalize(vector);
            return vector;
        }).ToArray();

    public void Dispose()
    {
    }
}
