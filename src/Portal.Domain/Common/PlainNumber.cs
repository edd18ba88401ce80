using System.Globalization;

namespace Portal.Domain.Common;

/// <summary>Why a typed number was refused.</summary>
public enum NumberProblem
{
    None,
    Empty,
    NotANumber,
    TooManyDecimals,
    Negative,
    OutOfRange,
}

/// <summary>
/// Reads an amount or a count exactly as a person means it, the same in every culture: digits (half- or full-width), an
/// optional minus sign where allowed, one optional decimal point with at most the stated number of decimals, and surrounding
/// spaces. Nothing else: no thousands separators, no decimal comma, no exponent — "12,5" is refused, never read as 125.
/// </summary>
public static class PlainNumber
{
    private const int MaxLength = 40;

    /// <summary>The value, or the reason it is refused (<see cref="NumberProblem.Empty"/> for blank input: the caller decides whether blank is allowed).</summary>
    public static NumberProblem TryParse(string? text, int maxDecimals, decimal min, decimal max, out decimal value)
    {
        value = 0m;
        var s = Normalize(text);
        if (s.Length == 0)
        {
            return NumberProblem.Empty;
        }

        if (s.Length > MaxLength)
        {
            return NumberProblem.NotANumber;
        }

        var negative = s[0] == '-';
        var body = negative ? s[1..] : s;
        var point = body.IndexOf('.');
        var whole = point < 0 ? body : body[..point];
        var fraction = point < 0 ? string.Empty : body[(point + 1)..];
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || (point >= 0 && (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit))))
        {
            return NumberProblem.NotANumber;
        }

        if (negative && min >= 0)
        {
            return NumberProblem.Negative;
        }

        if (fraction.Length > maxDecimals)
        {
            return NumberProblem.TooManyDecimals;
        }

        if (whole.TrimStart('0').Length > 20 ||
            !decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            return NumberProblem.OutOfRange;
        }

        if (parsed < min || parsed > max)
        {
            return NumberProblem.OutOfRange;
        }

        value = parsed;
        return NumberProblem.None;
    }

    /// <summary>A stored amount written back into a field, so that it reads back to the same value.</summary>
    public static string Format(decimal? value, int decimals) =>
        value is { } v ? v.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture) : string.Empty;

    private static string Normalize(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var chars = text.Trim().Trim('\u3000').Trim().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                >= '\uFF10' and <= '\uFF19' => (char)('0' + (chars[i] - '\uFF10')),
                '\uFF0E' => '.',
                '\uFF0D' or '\u2212' => '-',
                _ => chars[i],
            };
        }

        return new string(chars);
    }
}
