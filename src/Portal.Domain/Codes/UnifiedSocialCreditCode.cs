using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Portal.Domain.Codes;

/// <summary>
/// What a code registered by a staffing (编制) registration department names: position 1 is always 1 (the department),
/// position 2 the category (GB 32100; domain.md, agency codes).
/// </summary>
public enum CodeCategory
{
    /// <summary>1: a Party or government organ (机关), the people's congress, CPPCC, courts, procuratorates, democratic parties.</summary>
    Organ,

    /// <summary>2: a public institution (事业单位).</summary>
    PublicInstitution,

    /// <summary>3: a people's organisation (群团) whose staffing the office manages.</summary>
    PeopleOrganisation,

    /// <summary>9: another body registered by the staffing department.</summary>
    Other,
}

/// <summary>
/// 统一社会信用代码 per GB 32100-2015: 18 characters from a 31-symbol alphabet, with the
/// GB 11714 organisation-code check at position 17 and the mod-31 check at position 18.
/// </summary>
public readonly record struct UnifiedSocialCreditCode
{
    /// <summary>The 31 symbols of GB 32100 (no I, O, S, V, Z).</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Positions 1–2 of every public institution's code: 1 = staffing bodies, 2 = public institution.</summary>
    public const string PublicInstitutionPrefix = "12";

    public const int Length = 18;

    // GB 32100: weight of position i is 3^(i-1) mod 31.
    private static readonly int[] CodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // GB 11714 organisation-code check over the 8 body characters.
    private static readonly int[] BodyWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    private readonly string? _value;

    private UnifiedSocialCreditCode(string value) => _value = value;

    public string Value => _value ?? string.Empty;

    /// <summary>Positions 3–8: the registrar's GB/T 2260 region code.</summary>
    public string RegionCode => Value.Substring(2, 6);

    /// <summary>Positions 9–16: the organisation-code body.</summary>
    public string Body => Value.Substring(8, 8);

    /// <summary>Position 2, for codes of the staffing registration department (position 1 = 1); null for any other department's code.</summary>
    public CodeCategory? Category => Value.Length == Length && Value[0] == '1' ? CategoryOf(Value[1]) : null;

    public override string ToString() => Value;

    /// <summary>The category's character at position 2.</summary>
    public static char CategoryMark(CodeCategory category) => category switch
    {
        CodeCategory.Organ => '1',
        CodeCategory.PublicInstitution => '2',
        CodeCategory.PeopleOrganisation => '3',
        CodeCategory.Other => '9',
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    private static CodeCategory? CategoryOf(char mark) => mark switch
    {
        '1' => CodeCategory.Organ,
        '2' => CodeCategory.PublicInstitution,
        '3' => CodeCategory.PeopleOrganisation,
        '9' => CodeCategory.Other,
        _ => null,
    };

    /// <summary>
    /// Accepts lower case, spaces, hyphens and full-width forms; true only when both check characters are right.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? input, out UnifiedSocialCreditCode code)
    {
        code = default;
        var canonical = Canonicalise(input);
        if (canonical is null || canonical.Length != Length)
        {
            return false;
        }

        foreach (var c in canonical)
        {
            if (Alphabet.IndexOf(c) < 0)
            {
                return false;
            }
        }

        if (canonical[16] != BodyCheck(canonical.AsSpan(8, 8)))
        {
            return false;
        }

        if (canonical[17] != CodeCheck(canonical.AsSpan(0, 17)))
        {
            return false;
        }

        code = new UnifiedSocialCreditCode(canonical);
        return true;
    }

    public static UnifiedSocialCreditCode Parse(string input) =>
        TryParse(input, out var code) ? code : throw new FormatException("Not a valid unified social credit code.");

    /// <summary>
    /// Builds a code for a public institution from the registrar's region code and an 8-character body,
    /// computing both check characters. Returns false when an input is malformed.
    /// </summary>
    public static bool TryCreate(string regionCode, string body, out UnifiedSocialCreditCode code) =>
        TryCreate(CodeCategory.PublicInstitution, regionCode, body, out code);

    /// <summary>Builds a code of the staffing department for <paramref name="category"/>: "1", its mark, the region, the body, both checks.</summary>
    public static bool TryCreate(CodeCategory category, string regionCode, string body, out UnifiedSocialCreditCode code)
    {
        code = default;
        if (!Enum.IsDefined(category))
        {
            return false;
        }

        if (regionCode.Length != 6 || !regionCode.All(char.IsAsciiDigit) || body.Length != 8)
        {
            return false;
        }

        foreach (var c in body)
        {
            if (Alphabet.IndexOf(c) < 0)
            {
                return false;
            }
        }

        var first17 = "1" + CategoryMark(category) + regionCode + body + BodyCheck(body);
        code = new UnifiedSocialCreditCode(first17 + CodeCheck(first17));
        return true;
    }

    /// <summary>
    /// A body that held an old nine-character organisation code (GB 11714, e.g. "00253847-0") keeps it in its new code
    /// (domain.md): the first eight characters become the body, and the ninth must be their check character.
    /// </summary>
    public static bool TryFromOrganisationCode(CodeCategory category, string regionCode, string? organisationCode, out UnifiedSocialCreditCode code)
    {
        code = default;
        var canonical = Canonicalise(organisationCode);
        if (canonical is not { Length: 9 } || canonical[8] != BodyCheck(canonical.AsSpan(0, 8)))
        {
            return false;
        }

        return TryCreate(category, regionCode, canonical[..8], out code);
    }

    /// <summary>Normalises full-width characters, case, spaces and hyphens; null when nothing is left.</summary>
    public static string? Canonicalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var sb = new StringBuilder(input.Length);
        foreach (var raw in input)
        {
            var c = raw;
            if (c >= '\uFF01' && c <= '\uFF5E')
            {
                c = (char)(c - 0xFEE0); // full-width ASCII block → ASCII
            }

            if (char.IsWhiteSpace(c) || c == '-' || c == '\u3000')
            {
                continue;
            }

            sb.Append(char.ToUpperInvariant(c));
            if (sb.Length > 64)
            {
                return null; // hostile length: never a code
            }
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    private static char CodeCheck(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i]) * CodeWeights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    private static char BodyCheck(ReadOnlySpan<char> body)
    {
        // GB 11714: letters take their place in the full Latin alphabet (A=10 … Z=35).
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * BodyWeights[i];
        }

        var v = 11 - (sum % 11);
        return v switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + v),
        };
    }
}
