namespace Portal.Domain.Common;

/// <summary>
/// 居民身份证号码 (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character (0–9 or X).
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 18)
        {
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        return char.ToUpperInvariant(value[17]) == Check(value.AsSpan(0, 17))
            && DateOnly.TryParseExact(value.Substring(6, 8), "yyyyMMdd", out _);
    }

    /// <summary>Appends the check character to 17 digits.</summary>
    public static string WithCheck(string first17) => first17 + Check(first17);

    private static char Check(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckChars[sum % 11];
    }
}
