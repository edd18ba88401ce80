using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Portal.Infrastructure.Identity;

/// <summary>
/// ASVS 5 (V6.2): length over composition, and no password from a list of commonly used ones.
/// The list is embedded; comparison ignores case. Passwords made of one repeated character or a
/// straight keyboard/digit run are refused as well, since attackers try them first.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    public const string ErrorCode = "PasswordCommon";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    private static readonly string[] Runs = ["0123456789012345678901234567890", "9876543210987654321098765432109", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm"];

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        return Task.FromResult(IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = "This password is too common." })
            : IdentityResult.Success);
    }

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (Common.Value.Contains(lower))
        {
            return true;
        }

        if (lower.Distinct().Count() <= 2)
        {
            return true; // "aaaaaaaaaaaa", "abababababab"
        }

        return Runs.Any(run => run.Contains(lower, StringComparison.Ordinal));
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Portal.Infrastructure.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("Embedded common password list is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.ToLowerInvariant());
            }
        }

        return set;
    }
}
