using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace CityBridge.Web.Features.Account;

/// <summary>
/// Authenticator (TOTP, RFC 6238) codes that work once: the account remembers the 30-second step of the last code it
/// accepted, and a code of that step or an earlier one is refused, also within its own 30 seconds.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<CityBridgeUser>
{
    private const int StepSeconds = 30;

    /// <summary>Steps either side of now that still count, for clocks a little apart.</summary>
    private const int AllowedDrift = 1;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<CityBridgeUser> manager, CityBridgeUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        var secret = Base32Decode(key);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = now - AllowedDrift; step <= now + AllowedDrift; step++)
        {
            if (CodeAt(secret, step) != code)
            {
                continue;
            }

            if (user.LastAuthenticatorStep is { } last && step <= last)
            {
                return false;
            }

            user.LastAuthenticatorStep = step;
            // The update checks the concurrency stamp, so of two simultaneous uses of one code only one succeeds.
            return (await manager.UpdateAsync(user)).Succeeded;
        }

        return false;
    }

    /// <summary>The 6-digit code of <paramref name="step"/> (HMAC-SHA1, dynamic truncation).</summary>
    public static int CodeAt(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 authenticator apps compute codes with HMAC-SHA1; it is not used for anything else.
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000;
        return binary;
    }

    public static byte[] Base32Decode(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Trim().TrimEnd('=').Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The authenticator key is not base32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
