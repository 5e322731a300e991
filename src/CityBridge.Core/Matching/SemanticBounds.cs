using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CityBridge.Core.Matching;

/// <summary>
/// An 8-bit copy of every provider vector in one contiguous block, giving for each provider a cheap upper bound on its
/// semantic value. The ranking computes the exact value only for providers whose bound could still reach the top, so the
/// bound prunes without changing any score: it is a proven upper bound (quantization error and float rounding included).
/// </summary>
internal sealed class SemanticBounds
{
    // Float rounding of a 384-term dot product of unit vectors stays below 384 × 2^-24 ≈ 2.3e-5; this is above it.
    private const double RoundingSlack = 1e-4;

    private int dimensions;
    private sbyte[] codes = [];
    private double[] scales = [];
    private double[] errors = [];
    private double[] norms = [];
    private int[] owners = [];
    private int rows;
    private int liveRows;

    // Per provider ordinal: its first row and row count; providers whose vectors cannot be coded are never pruned.
    private int[] firstRow = [];
    private int[] rowCount = [];
    private bool[] unbounded = [];

    /// <summary>Replaces the rows of one provider.</summary>
    public void Set(int ordinal, ProviderVectors vectors)
    {
        Clear(ordinal);
        var present = new List<float[]>();
        if (vectors.Description is { } description)
        {
            present.Add(description);
        }

        present.AddRange(vectors.Solutions.OfType<float[]>());
        if (present.Count == 0)
        {
            return;
        }

        dimensions = dimensions == 0 ? present[0].Length : dimensions;
        if (present.Any(v => v.Length != dimensions || v.Any(x => !float.IsFinite(x))))
        {
            unbounded[ordinal] = true;
            return;
        }

        if (rows - liveRows > Math.Max(liveRows, 4096))
        {
            Compact();
        }

        GrowRows(rows + present.Count);
        firstRow[ordinal] = rows;
        rowCount[ordinal] = present.Count;
        foreach (var vector in present)
        {
            (scales[rows], errors[rows], norms[rows]) = Quantize(vector, codes.AsSpan(rows * dimensions, dimensions));
            owners[rows] = ordinal;
            rows++;
        }

        liveRows += present.Count;
    }

    /// <summary>Forgets the rows of one provider.</summary>
    public void Clear(int ordinal)
    {
        GrowOrdinals(ordinal + 1);
        for (var r = firstRow[ordinal]; r < firstRow[ordinal] + rowCount[ordinal]; r++)
        {
            owners[r] = -1;
        }

        liveRows -= rowCount[ordinal];
        rowCount[ordinal] = 0;
        unbounded[ordinal] = false;
    }

    /// <summary>
    /// Fills <paramref name="bounds"/>[i] (i below <paramref name="count"/>) with a value at least provider i's semantic value
    /// for this project vector (the largest dot product of its vectors, clamped to 0..1, as <see cref="MatchIndex"/> computes it).
    /// </summary>
    public void Fill(float[] query, double[] bounds, int count) => Fill([query], bounds, count);

    /// <summary>
    /// The same for several project vectors in one pass over the block: each row is read once for all of them, which is what
    /// a batch re-match needs (one project's pass is limited by reading the block). Query q's bounds go to
    /// <paramref name="bounds"/>[q × count + i], so a batch needs a single (pooled) array.
    /// </summary>
    public void Fill(IReadOnlyList<float[]> queries, double[] bounds, int count)
    {
        var n = queries.Count;
        // The queries' codes and constants live in flat arrays: this loop runs once per row of the block (hundreds of
        // thousands per project), so it must do little besides the dot products.
        var queryCodes = new sbyte[n * dimensions];
        var queryScales = new double[n];
        var queryCodedNorms = new double[n];
        var queryErrors = new double[n];
        var usable = new bool[n];
        for (var q = 0; q < n; q++)
        {
            var query = queries[q];
            usable[q] = query.Length == dimensions && query.All(float.IsFinite);
            Array.Fill(bounds, usable[q] ? 0 : 1, q * count, count);
            if (usable[q])
            {
                var ownCodes = queryCodes.AsSpan(q * dimensions, dimensions);
                (queryScales[q], queryErrors[q], _) = Quantize(query, ownCodes);
                queryCodedNorms[q] = queryScales[q] * Math.Sqrt(Dot(ownCodes, ownCodes));
            }
        }

        for (var r = 0; r < rows; r++)
        {
            var owner = owners[r];
            if ((uint)owner >= (uint)count)
            {
                continue;
            }

            var row = codes.AsSpan(r * dimensions, dimensions);
            var (rowScale, rowError, rowNorm) = (scales[r], errors[r], norms[r]);
            var rounding = RoundingSlack * Math.Max(1, rowNorm);
            for (var q = 0; q < n; q++)
            {
                if (!usable[q])
                {
                    continue;
                }

                // q·v = sq·sv·(q̂·v̂) + sq·q̂·(v − sv·v̂) + (q − sq·q̂)·v, and Cauchy–Schwarz bounds the last two terms.
                var bound = (queryScales[q] * rowScale * Dot(queryCodes.AsSpan(q * dimensions, dimensions), row))
                    + (queryCodedNorms[q] * rowError) + (queryErrors[q] * rowNorm) + rounding;
                // Branch-free: whether a provider's next row raises its bound is unpredictable, and a mispredicted branch
                // per row cost more than the rest of the bookkeeping (measured: 7.7 → 5.0 ms for 300,000 rows).
                ref var slot = ref bounds[(q * count) + owner];
                slot = Math.Max(slot, bound);
            }
        }

        for (var q = 0; q < n; q++)
        {
            for (var i = 0; i < count && i < unbounded.Length; i++)
            {
                ref var slot = ref bounds[(q * count) + i];
                slot = unbounded[i] ? 1 : Math.Min(slot, 1);
            }
        }
    }

    /// <summary>The integer dot product of two code rows (AVX2 where the machine has it).</summary>
    internal static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var i = 0;
        var total = 0;
        if (Avx2.IsSupported && a.Length >= 32 && a.Length == b.Length)
        {
            ref var left = ref MemoryMarshal.GetReference(a);
            ref var right = ref MemoryMarshal.GetReference(b);
            // Two accumulators, so consecutive multiply-adds do not wait for each other.
            var sum0 = Vector256<int>.Zero;
            var sum1 = Vector256<int>.Zero;
            for (; i <= a.Length - 32; i += 32)
            {
                sum0 = Avx2.Add(sum0, Avx2.MultiplyAddAdjacent(
                    Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref left, (nuint)i)),
                    Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref right, (nuint)i))));
                sum1 = Avx2.Add(sum1, Avx2.MultiplyAddAdjacent(
                    Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref left, (nuint)i + 16)),
                    Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref right, (nuint)i + 16))));
            }

            total = Vector256.Sum(Avx2.Add(sum0, sum1));
        }

        return total + ScalarDot(a[i..], b[i..]);
    }

    internal static int ScalarDot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var total = 0;
        for (var i = 0; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    /// <summary>Codes v as scale × codes with codes in −127..127; returns the scale, ‖v − scale × codes‖ and ‖v‖.</summary>
    private static (double Scale, double Error, double Norm) Quantize(ReadOnlySpan<float> vector, Span<sbyte> target)
    {
        var largest = 0.0;
        foreach (var x in vector)
        {
            largest = Math.Max(largest, Math.Abs((double)x));
        }

        var scale = largest > 0 ? largest / 127 : 1;
        double error = 0, norm = 0;
        for (var i = 0; i < vector.Length; i++)
        {
            var code = (sbyte)Math.Clamp(Math.Round(vector[i] / scale), -127, 127);
            target[i] = code;
            var residual = vector[i] - (scale * code);
            error += residual * residual;
            norm += (double)vector[i] * vector[i];
        }

        // The square roots are rounded up a hair so the bound stays a bound.
        return (scale, (Math.Sqrt(error) * (1 + 1e-12)) + 1e-12, Math.Sqrt(norm) * (1 + 1e-12));
    }

    private void Compact()
    {
        var write = 0;
        for (var r = 0; r < rows; r++)
        {
            var owner = owners[r];
            if (owner < 0)
            {
                continue;
            }

            if (r != write)
            {
                codes.AsSpan(r * dimensions, dimensions).CopyTo(codes.AsSpan(write * dimensions, dimensions));
                (scales[write], errors[write], norms[write], owners[write]) = (scales[r], errors[r], norms[r], owner);
            }

            if (r == firstRow[owner])
            {
                firstRow[owner] = write;
            }

            write++;
        }

        rows = write;
    }

    private void GrowRows(int size)
    {
        if (size <= owners.Length)
        {
            return;
        }

        var capacity = Math.Max(size, Math.Max(1024, owners.Length * 2));
        Array.Resize(ref codes, capacity * dimensions);
        Array.Resize(ref scales, capacity);
        Array.Resize(ref errors, capacity);
        Array.Resize(ref norms, capacity);
        Array.Resize(ref owners, capacity);
    }

    private void GrowOrdinals(int size)
    {
        if (size <= firstRow.Length)
        {
            return;
        }

        var capacity = Math.Max(size, Math.Max(1024, firstRow.Length * 2));
        Array.Resize(ref firstRow, capacity);
        Array.Resize(ref rowCount, capacity);
        Array.Resize(ref unbounded, capacity);
    }
}
