using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Identity;

/// <summary>
/// A password hash made once with the app's own hasher settings, for the paths that have no real hash
/// to check (an unknown address, a locked account, an invited account with no password yet): they
/// verify against it, so every login costs one hash verification.
/// </summary>
public sealed class DecoyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    private readonly Lazy<string> _value = new(() =>
        new PasswordHasher<PortalUser>(options).HashPassword(new PortalUser(), "decoy-" + Guid.NewGuid().ToString("N")));

    public string Value => _value.Value;
}

/// <summary>
/// Identity's sign-in manager returns early for a locked, disabled or password-less account, before the
/// hash is checked, so such logins answered in milliseconds against hundreds for the rest and their
/// timing told an attacker which accounts exist (issue 12, finding 4). Here every path does the same
/// work: exactly one call of <see cref="IPasswordHasher{TUser}.VerifyHashedPassword"/>.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> users,
    IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<PortalUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    DecoyPasswordHash decoy)
    : SignInManager<PortalUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<SignInResult> CheckPasswordSignInAsync(PortalUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        var refused = await PreSignInCheck(user);
        if (refused is not null || user.PasswordHash is null)
        {
            UserManager.PasswordHasher.VerifyHashedPassword(user, decoy.Value, password ?? string.Empty);
            return refused ?? SignInResult.Failed;
        }

        // The base class checks the same pre-conditions (cheap, no hashing) and then the password once.
        return await base.CheckPasswordSignInAsync(user, password!, lockoutOnFailure);
    }
}
