namespace Portal.Domain.Codes;

/// <summary>
/// Draws fresh 8-character organisation-code bodies. New bodies issued by staffing offices
/// commonly start with "MB"; the remaining six characters are random over the 31-symbol set.
/// Uniqueness is the register's job (it checks and records every body it hands out).
/// </summary>
public static class CodeBodyGenerator
{
    public const string Prefix = "MB";

    public static string NextBody(Func<int, int> nextInt)
    {
        Span<char> body = stackalloc char[8];
        body[0] = 'M';
        body[1] = 'B';
        for (var i = 2; i < 8; i++)
        {
            body[i] = UnifiedSocialCreditCode.Alphabet[nextInt(UnifiedSocialCreditCode.Alphabet.Length)];
        }

        return new string(body);
    }
}
