using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Portal.Infrastructure.Identity;

/// <summary>
/// TOTP (RFC 6238, 30-second steps, 6 digits) that accepts only the current step and one on either
/// side (Identity's default allows two), and each code once: the step last used is stored on the
/// account, and a code from that step or an earlier one is refused, so a code seen over a shoulder
/// or in a log cannot be replayed within its window.
/// </summary>
public sealed class StrictAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const int Window = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !int.TryParse(token, out var code))
        {
            return false;
        }

        var secret = Base32.Decode(key);
        var step = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        for (var offset = -Window; offset <= Window; offset++)
        {
            var candidate = step + offset;
            if (Code(secret, candidate) != code)
            {
                continue;
            }

            if (user.LastTwoFactorStep is { } last && candidate <= last)
            {
                return false; // already used (or older than one that was)
            }

            user.LastTwoFactorStep = candidate;
            return (await manager.UpdateAsync(user)).Succeeded;
        }

        return false;
    }

    public static int Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }

    private static class Base32
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        public static byte[] Decode(string input)
        {
            var clean = input.Trim().TrimEnd('=').Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            var output = new List<byte>(clean.Length * 5 / 8);
            int buffer = 0, bits = 0;
            foreach (var c in clean)
            {
                var value = Alphabet.IndexOf(c);
                if (value < 0)
                {
                    throw new FormatException("Not base32.");
                }

                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8)
                {
                    output.Add((byte)(buffer >> (bits - 8)));
                    bits -= 8;
                }
            }

            return [.. output];
        }
    }
}
