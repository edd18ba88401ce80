using System.Globalization;
using System.Text;

namespace Portal.Infrastructure.Search;

/// <summary>
/// What the register's name index holds for one institution. <see cref="Names"/> is every name it has
/// been registered under (current, second, former), one per line, for the trigram index (queries of
/// three characters or more). <see cref="Grams"/> is the same names cut into overlapping two-character
/// tokens plus each name's last character, for the fallback index: the trigram tokenizer cannot match
/// one- or two-character queries, and 学校 or 卫生 are exactly what people type (ADR 0003).
/// </summary>
public static class SearchText
{
    public const int MaxNamesLength = 2000;

    /// <summary>Adds <paramref name="names"/> to an existing list without repeating one already there.</summary>
    public static string AppendNames(string? existing, params string?[] names)
    {
        var lines = (existing ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var name in names)
        {
            var n = name?.Trim();
            if (!string.IsNullOrEmpty(n) && !lines.Contains(n, StringComparer.Ordinal))
            {
                lines.Add(n);
            }
        }

        var joined = string.Join('\n', lines);
        return joined.Length <= MaxNamesLength ? joined : joined[..MaxNamesLength];
    }

    /// <summary>Two-character tokens of every name, and every name's last character alone, space-separated.</summary>
    public static string Grams(string names)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var chars = TextElements(Normalize(name));
            for (var i = 0; i < chars.Count; i++)
            {
                if (!IsWordChar(chars[i]))
                {
                    continue;
                }

                if (i + 1 < chars.Count && IsWordChar(chars[i + 1]))
                {
                    tokens.Add(chars[i] + chars[i + 1]);
                }
                else
                {
                    tokens.Add(chars[i]);
                }
            }
        }

        return string.Join(' ', tokens);
    }

    /// <summary>Full-width letters and digits folded to ASCII, lower case: the same folding for documents and queries.</summary>
    public static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>True when every character of a short query can be found in the gram index.</summary>
    public static bool IsGrammable(string query) => TextElements(Normalize(query)).All(IsWordChar);

    private static List<string> TextElements(string s)
    {
        var list = new List<string>(s.Length);
        var e = StringInfo.GetTextElementEnumerator(s);
        while (e.MoveNext())
        {
            list.Add((string)e.Current);
        }

        return list;
    }

    private static bool IsWordChar(string element) => element.Length > 0 && char.IsLetterOrDigit(element, 0);
}
