using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Password-reset (and invitation) tokens: protected with Data Protection, valid for two hours on the
/// app's clock, and only while the account's security stamp is unchanged — resetting the password
/// changes it, so a link works once.
/// </summary>
public sealed class ResetTokenProvider(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string Name = "PortalReset";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly IDataProtector _protector = protection.CreateProtector("Portal.ResetTokens.v1");

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user)
    {
        var payload = string.Join('\n', clock.GetUtcNow().UtcTicks, await manager.GetUserIdAsync(user), purpose, await manager.GetSecurityStampAsync(user) ?? string.Empty);
        return Convert.ToBase64String(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(_protector.Unprotect(Convert.FromBase64String(token))).Split('\n');
            var created = new DateTimeOffset(long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);
            return parts.Length == 4
                && clock.GetUtcNow() - created <= Lifetime
                && parts[1] == await manager.GetUserIdAsync(user)
                && parts[2] == purpose
                && parts[3] == (await manager.GetSecurityStampAsync(user) ?? string.Empty);
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException or IndexOutOfRangeException or OverflowException)
        {
            return false;
        }
    }
}
