using System.Buffers;
using CityBridge.Core.Domain;

namespace CityBridge.Core.Matching;

/// <summary>The vectors of one provider: its own description's and each solution's (null where there is no text).</summary>
public sealed record ProviderVectors(float[]? Description, IReadOnlyList<float[]?> Solutions)
{
    public static ProviderVectors None { get; } = new(null, []);
}

/// <summary>
/// Ranks providers for a project. Cheap signals are computed for every provider, then the semantic signal only for
/// providers that could still reach the top: exact top-K without a dot product per provider. Safe for concurrent
/// ranking; updates take a short write lock.
/// </summary>
public sealed class MatchIndex : IDisposable
{
    // A shown score is built from signal values rounded to 4 decimals (weights sum to 1) and contributions rounded to 6, so
    // it can differ from the exact score by up to about 0.54e-4; two scores, twice that. A candidate this close to the
    // cut-off is still examined, so rounding can never change who is in the top k (a FsCheck case found 1e-5 too small).
    private const double CutOffSlack = 2e-4;

    private readonly List<Entry?> entries = [];
    private readonly Dictionary<string, int> ordinals = new(StringComparer.Ordinal);
    private readonly KeywordIndex keywords = new();
    private readonly ReaderWriterLockSlim gate = new();
    private readonly HotColumns hot = new();
    private readonly SemanticBounds bounds = new();
    private double[] weights;

    public MatchIndex(MatchWeights? weights = null) => this.weights = (weights ?? MatchWeights.Default).Normalized();

    /// <summary>How many providers the index holds.</summary>
    public int Count => ordinals.Count;

    /// <summary>Replaces the weights used by later rankings.</summary>
    public void UseWeights(MatchWeights newWeights) => weights = newWeights.Normalized();

    /// <summary>Adds or replaces a provider.</summary>
    public void Upsert(MatchProvider provider, ProviderVectors vectors)
    {
        var entry = new Entry(provider, vectors);
        gate.EnterWriteLock();
        try
        {
            if (!ordinals.TryGetValue(provider.Id, out var ordinal))
            {
                ordinal = entries.Count;
                entries.Add(null);
                ordinals[provider.Id] = ordinal;
            }

            entries[ordinal] = entry;
            hot.Set(ordinal, entry);
            bounds.Set(ordinal, vectors);
            keywords.Upsert(ordinal, KeywordText(provider));
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    public void Remove(string providerId)
    {
        gate.EnterWriteLock();
        try
        {
            if (ordinals.Remove(providerId, out var ordinal))
            {
                entries[ordinal] = null;
                hot.Clear(ordinal);
                bounds.Clear(ordinal);
                keywords.Remove(ordinal);
            }
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>The best <paramref name="top"/> providers for a project, best first, ties by provider id, each explained.</summary>
    public IReadOnlyList<ProviderMatch> Rank(MatchProject project, float[]? projectVector, int top = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        gate.EnterReadLock();
        try
        {
            return RankLocked(project, projectVector, top);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>
    /// <see cref="Rank"/> for several projects at once, as a re-match does: one pass over the 8-bit vector block serves them
    /// all. Each result is exactly what <see cref="Rank"/> gives.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<ProviderMatch>> RankMany(IReadOnlyList<(MatchProject Project, float[]? Vector)> projects, int top = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        gate.EnterReadLock();
        double[]? rented = null;
        try
        {
            var count = entries.Count;
            var withVectors = projects.Where(p => p.Vector is not null).ToList();
            rented = ArrayPool<double>.Shared.Rent(Math.Max(1, withVectors.Count * count));
            bounds.Fill(withVectors.Select(p => p.Vector!).ToList(), rented, count);
            var next = 0;
            return projects.Select(p => (IReadOnlyList<ProviderMatch>)RankLocked(
                p.Project, p.Vector, top, p.Vector is null ? (ArraySegment<double>?)null : new ArraySegment<double>(rented, count * next++, count))).ToList();
        }
        finally
        {
            gate.ExitReadLock();
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    private List<ProviderMatch> RankLocked(MatchProject project, float[]? projectVector, int top, ArraySegment<double>? filledBounds = null)
    {
        var w = weights;
        var count = entries.Count;
        var profile = new ProjectProfile(project);
        var terms = keywords.QueryTerms(EmbeddingText.ForProject(project));
        var bm25 = ArrayPool<float>.Shared.Rent(count);
        var partial = ArrayPool<double>.Shared.Rent(count);
        var gate = ArrayPool<double>.Shared.Rent(count);
        var rentedBound = filledBounds is null ? ArrayPool<double>.Shared.Rent(count) : null;
        var semanticBound = filledBounds ?? new ArraySegment<double>(rentedBound!);
        var touched = new List<int>();
        try
        {
            Array.Clear(bm25, 0, count);
            var maxBm25 = keywords.Score(terms, bm25, touched);
            // score = (partial + semanticShare × semantic) × gate, where partial is the technology fit without the
            // semantic signal and gate = technology share + the context's weighted values (MatchScoring).
            var share = MatchScoring.TechnologyShare(w);
            var semanticShare = projectVector is null || share <= 0 ? 0 : w[MatchScoring.Semantic] / share;
            var kthLower = new PriorityQueue<int, double>(top + 1);
            for (var i = 0; i < count; i++)
            {
                if (!hot.IsAlive(i))
                {
                    partial[i] = double.NegativeInfinity;
                    continue;
                }

                (partial[i], gate[i]) = profile.Partial(hot, i, entries[i]!, maxBm25 > 0 ? bm25[i] / maxBm25 : 0, w);
                var lower = partial[i] * gate[i];
                if (kthLower.Count < top)
                {
                    kthLower.Enqueue(i, lower);
                }
                else if (kthLower.TryPeek(out _, out var lowest) && lower > lowest)
                {
                    kthLower.DequeueEnqueue(i, lower);
                }
            }

            if (kthLower.Count == 0)
            {
                return [];
            }
            // Nobody whose score with a perfect semantic value is below the k-th best score without it can make the top.
            kthLower.TryPeek(out _, out var floor);
            // A cheap proven bound on each provider's semantic value (8-bit vectors, SemanticBounds) replaces the perfect
            // value 1, so the pruning works even when the semantic weight dominates; exact values are computed for the rest.
            if (semanticShare > 0 && filledBounds is null)
            {
                this.bounds.Fill(projectVector!, rentedBound!, count);
            }

            double Upper(int i) => (partial[i] + (semanticShare > 0 ? semanticShare * semanticBound[i] : 0)) * gate[i];
            // Candidates go into buckets by their upper bound (a counting sort): visiting the buckets from the top gives
            // the best-first order the early stop needs, in linear time.
            const int Buckets = 256;
            var buckets = new List<int>?[Buckets];
            for (var i = 0; i < count; i++)
            {
                if (partial[i] > double.NegativeInfinity && Upper(i) >= floor - CutOffSlack)
                {
                    var bucket = Math.Clamp((int)(Upper(i) * Buckets), 0, Buckets - 1);
                    (buckets[bucket] ??= []).Add(i);
                }
            }

            var candidates = buckets.Reverse().Where(b => b is not null).SelectMany(b => b!);
            var best = new PriorityQueue<int, double>(top + 1);
            var examined = new List<(int Ordinal, double Full)>();
            var bucketWidth = 1.0 / Buckets;
            foreach (var i in candidates)
            {
                // Inside a bucket the order is by ordinal, so the stop allows for a whole bucket's width.
                if (best.Count == top && best.TryPeek(out _, out var cut) && Upper(i) + bucketWidth < cut - CutOffSlack)
                {
                    break;
                }

                var full = (partial[i] + (semanticShare * (projectVector is null ? 0 : entries[i]!.Semantic(projectVector).Value))) * gate[i];
                examined.Add((i, full));
                best.Enqueue(i, full);
                if (best.Count > top)
                {
                    best.Dequeue();
                }
            }

            var threshold = best.TryPeek(out _, out var last) ? last - CutOffSlack : double.NegativeInfinity;
            return examined
                .Where(e => e.Full >= threshold)
                .Select(e => Explain(profile, e.Ordinal, projectVector, maxBm25 > 0 ? bm25[e.Ordinal] / maxBm25 : 0, terms, w))
                .OrderByDescending(m => m.Score)
                .ThenBy(m => m.ProviderId, StringComparer.Ordinal)
                .Take(top)
                .ToList();
        }
        finally
        {
            foreach (var i in touched)
            {
                bm25[i] = 0;
            }

            ArrayPool<float>.Shared.Return(bm25);
            ArrayPool<double>.Shared.Return(partial);
            ArrayPool<double>.Shared.Return(gate);
            if (rentedBound is not null)
            {
                ArrayPool<double>.Shared.Return(rentedBound);
            }
        }
    }

    private ProviderMatch Explain(ProjectProfile profile, int ordinal, float[]? projectVector, double keyword, IReadOnlyList<QueryTerm> terms, double[] w)
    {
        var entry = entries[ordinal]!;
        var cheap = profile.Values(hot, ordinal, entry, keyword);
        var (semantic, bestSolution) = projectVector is null ? (0.0, entry.BestSolutionBySector(profile)) : entry.Semantic(projectVector);
        bestSolution ??= entry.BestSolutionBySector(profile);
        var provider = entry.Provider;
        var project = profile.Project;
        var providerStems = keywords.Stems(KeywordText(provider));
        var sharedWords = terms.Where(t => providerStems.Contains(t.Stem)).Take(5).Select(t => t.Word).ToList();
        // "No key words in common" only when no word at all is shared, not merely none of the rarest query terms.
        var commonWords = sharedWords.Count > 0 ? [] : keywords.Words(EmbeddingText.ForProject(project)).Where(t => providerStems.Contains(t.Stem)).Take(3).Select(t => t.Word).ToList();
        var whatItDoes = bestSolution is not null ? provider.Solutions.FirstOrDefault(s => s.Name == bestSolution)?.Description : provider.Description;
        double[] values = [cheap.Sector, semantic, cheap.Keyword, cheap.Country, cheap.Standards, cheap.Stage, cheap.Budget];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Round(Math.Clamp(values[i], 0, 1), 4);
        }

        var contributions = MatchScoring.Contributions(w, values);
        string[] whys =
        [
            MatchSignals.SectorWhy(project.Sectors, entry.SectorMask),
            projectVector is null ? "the project has no description to compare" : MatchSignals.SemanticWhy(semantic, bestSolution, whatItDoes),
            MatchSignals.KeywordWhy(sharedWords, commonWords),
            MatchSignals.CountryWhy(profile.Country, entry.Countries, cheap.Country),
            MatchSignals.StandardsWhy(project.Standards, entry.Standards),
            MatchSignals.StageWhy(project.Stage, provider.Stages),
            MatchSignals.BudgetWhy(project.BudgetUsd, provider.DealSizeMinUsd, provider.DealSizeMaxUsd, cheap.Budget),
        ];
        var signals = SignalNames.All.Select((name, i) => new MatchSignal(name, values[i], Math.Round(contributions[i], 6), whys[i])
        {
            Terms = i == MatchScoring.Keyword ? [.. sharedWords, .. commonWords] : [],
        }).ToList();
        var score = Math.Round(signals.Sum(s => s.Contribution), 6);
        return new ProviderMatch(provider.Id, score, signals, bestSolution);
    }

    /// <summary>The provider text the keyword signal searches: its name, description and solutions.</summary>
    public static string KeywordText(MatchProvider provider) =>
        string.Join(". ", new[] { provider.Name, provider.Description }
            .Concat(provider.Solutions.SelectMany(s => new[] { s.Name, s.Description }))
            .Where(t => !string.IsNullOrWhiteSpace(t)));

    public void Dispose()
    {
        keywords.Dispose();
        gate.Dispose();
    }

    private readonly record struct CheapSignalValues(double Sector, double Keyword, double Country, double Standards, double Stage, double Budget);

    /// <summary>What is computed once per project before the pass over all providers.</summary>
    private sealed class ProjectProfile(MatchProject project)
    {
        private readonly int[] sectorBits = MatchSignals.SectorBitsOf(project.Sectors);
        private readonly int[] askedStandardIds = project.Standards.Select(MatchSignals.NormalizeStandard).Distinct(StringComparer.Ordinal).Select(Interned.Id).ToArray();
        private readonly int countryId = project.Country is null ? -1 : Interned.Id(project.Country.ToUpperInvariant());
        private readonly double stageWithoutPreferences = MatchSignals.Stage(project.Stage, []);
        private readonly double budgetWithoutRange = MatchSignals.Budget(project.BudgetUsd, null, null);
        private readonly double budgetUsd = project.BudgetUsd is { } b ? (double)b : 0;

        public MatchProject Project => project;

        public string? Country { get; } = project.Country?.ToUpperInvariant();

        public ulong ProjectMask { get; } = MatchSignals.SectorMask(project.Sectors);

        /// <summary>
        /// Every signal but the semantic one, from flat columns and bit masks: the pass over all providers and the
        /// explanation of the top ones use this one computation, so a ranked score and its explanation always agree.
        /// </summary>
        public CheapSignalValues Values(HotColumns hot, int i, Entry entry, double keyword)
        {
            var flags = hot.Flags[i];
            double country;
            if (countryId >= 0 && (countryId < 64 ? (hot.Countries[i] & (1UL << countryId)) != 0 : (flags & HotColumns.Overflow) != 0 && Array.IndexOf(entry.CountryIds, countryId) >= 0))
            {
                country = 1;
            }
            else
            {
                country = (flags & HotColumns.Asean) != 0 ? 0.5 : 0;
            }

            var standards = 0.5;
            if (askedStandardIds.Length > 0)
            {
                var met = 0;
                var bits = hot.Standards[i];
                foreach (var id in askedStandardIds)
                {
                    if (id < 64 ? (bits & (1UL << id)) != 0 : (flags & HotColumns.Overflow) != 0 && Array.IndexOf(entry.StandardIds, id) >= 0)
                    {
                        met++;
                    }
                }

                standards = (double)met / askedStandardIds.Length;
            }

            var stage = (flags & HotColumns.Stages) != 0 ? MatchSignals.Stage(project.Stage, entry.Provider.Stages) : stageWithoutPreferences;
            var budget = (flags & HotColumns.DealRange) != 0 && budgetUsd > 0 ? MatchSignals.BudgetInRange(budgetUsd, hot.DealMin[i], hot.DealMax[i]) : budgetWithoutRange;
            return new CheapSignalValues(MatchSignals.Sector(sectorBits, hot.Sectors[i]), keyword, country, standards, stage, budget);
        }

        /// <summary>
        /// The technology fit without the semantic signal, and the gate the fit is multiplied by: the technology share
        /// plus the context signals' weighted values (see <see cref="MatchScoring"/>).
        /// </summary>
        public (double Partial, double Gate) Partial(HotColumns hot, int i, Entry entry, double keyword, double[] w)
        {
            var v = Values(hot, i, entry, keyword);
            var share = MatchScoring.TechnologyShare(w);
            var partial = share <= 0 ? 1 : ((w[0] * v.Sector) + (w[2] * v.Keyword)) / share;
            return (partial, share + (w[3] * v.Country) + (w[4] * v.Standards) + (w[5] * v.Stage) + (w[6] * v.Budget));
        }
    }

    /// <summary>Small integer ids for country codes and standards, so the hot loop compares ints, not strings.</summary>
    private static class Interned
    {
        private static readonly Dictionary<string, int> Ids = new(StringComparer.Ordinal);

        public static int Id(string value)
        {
            lock (Ids)
            {
                if (!Ids.TryGetValue(value, out var id))
                {
                    Ids[value] = id = Ids.Count;
                }

                return id;
            }
        }
    }

    /// <summary>
    /// What the pass over all providers reads, as flat columns by ordinal: one cache line serves several providers,
    /// where walking provider objects would miss the cache on each. Countries and standards are bit sets of their interned ids.
    /// </summary>
    private sealed class HotColumns
    {
        public const byte Alive = 1, Asean = 2, Stages = 4, DealRange = 8, Overflow = 16;

        public byte[] Flags { get; private set; } = [];

        public ulong[] Sectors { get; private set; } = [];

        public ulong[] Countries { get; private set; } = [];

        public ulong[] Standards { get; private set; } = [];

        public double[] DealMin { get; private set; } = [];

        public double[] DealMax { get; private set; } = [];

        public bool IsAlive(int i) => (Flags[i] & Alive) != 0;

        public void Set(int i, Entry entry)
        {
            Grow(i + 1);
            var provider = entry.Provider;
            var overflow = entry.CountryIds.Any(id => id >= 64) || entry.StandardIds.Any(id => id >= 64);
            Flags[i] = (byte)(Alive
                | (entry.HasAseanExperience ? Asean : 0)
                | (entry.HasStages ? Stages : 0)
                | (entry.HasDealRange ? DealRange : 0)
                | (overflow ? Overflow : 0));
            Sectors[i] = entry.SectorMask;
            Countries[i] = Bits(entry.CountryIds);
            Standards[i] = Bits(entry.StandardIds);
            DealMin[i] = provider.DealSizeMinUsd is { } min ? (double)min : 0;
            DealMax[i] = provider.DealSizeMaxUsd is { } max ? (double)max : double.MaxValue;
        }

        public void Clear(int i) => Flags[i] = 0;

        private static ulong Bits(int[] ids) => ids.Where(id => id < 64).Aggregate(0UL, (bits, id) => bits | (1UL << id));

        private void Grow(int size)
        {
            if (size <= Flags.Length)
            {
                return;
            }

            var capacity = Math.Max(size, Flags.Length * 2);
            Flags = Resized(Flags, capacity);
            Sectors = Resized(Sectors, capacity);
            Countries = Resized(Countries, capacity);
            Standards = Resized(Standards, capacity);
            DealMin = Resized(DealMin, capacity);
            DealMax = Resized(DealMax, capacity);
        }

        private static T[] Resized<T>(T[] array, int capacity)
        {
            var copy = array;
            Array.Resize(ref copy, capacity);
            return copy;
        }
    }

    private sealed class Entry(MatchProvider provider, ProviderVectors vectors)
    {
        public MatchProvider Provider => provider;

        public ulong SectorMask { get; } = MatchSignals.SectorMask(provider.Sectors.Concat(provider.Solutions.SelectMany(s => s.Sectors)));

        public string[] Countries { get; } = provider.Countries.Select(c => c.ToUpperInvariant()).Distinct().ToArray();

        public HashSet<string> Standards { get; } = provider.Standards.Concat(provider.Solutions.SelectMany(s => s.Standards))
            .Select(MatchSignals.NormalizeStandard).ToHashSet(StringComparer.Ordinal);

        public int[] CountryIds { get; } = provider.Countries.Select(c => Interned.Id(c.ToUpperInvariant())).Distinct().ToArray();

        public bool HasAseanExperience { get; } = provider.Countries.Any(MatchSignals.IsAsean);

        public int[] StandardIds { get; } = provider.Standards.Concat(provider.Solutions.SelectMany(s => s.Standards))
            .Select(MatchSignals.NormalizeStandard).Distinct(StringComparer.Ordinal).Select(Interned.Id).ToArray();

        public bool HasStages { get; } = provider.Stages.Count > 0;

        public bool HasDealRange { get; } = provider.DealSizeMinUsd is not null || provider.DealSizeMaxUsd is not null;

        /// <summary>The best cosine of the project against the provider's description and solutions, and the solution that gave it.</summary>
        public (double Value, string? BestSolution) Semantic(float[] projectVector)
        {
            var best = vectors.Description is null ? 0f : VectorMath.Dot(projectVector, vectors.Description);
            var bestSolutionScore = float.NegativeInfinity;
            string? bestSolution = null;
            for (var i = 0; i < vectors.Solutions.Count && i < provider.Solutions.Count; i++)
            {
                if (vectors.Solutions[i] is { } vector)
                {
                    var score = VectorMath.Dot(projectVector, vector);
                    if (score > bestSolutionScore)
                    {
                        bestSolutionScore = score;
                        bestSolution = provider.Solutions[i].Name;
                    }
                }
            }

            return (Math.Clamp(Math.Max(best, bestSolutionScore), 0, 1), bestSolution);
        }

        public string? BestSolutionBySector(ProjectProfile profile) => provider.Solutions
            .OrderByDescending(s => System.Numerics.BitOperations.PopCount(MatchSignals.SectorMask(s.Sectors) & profile.ProjectMask))
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .FirstOrDefault()?.Name;
    }
}
