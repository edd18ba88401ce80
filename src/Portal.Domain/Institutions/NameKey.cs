using System.Text;

namespace Portal.Domain.Institutions;

/// <summary>
/// The form of a name used to detect duplicates: full-width letters, digits and punctuation folded to
/// half-width, all spaces removed, Latin letters upper-cased. "浦江县 图书馆（分馆）" and
/// "浦江县图书馆(分馆)" are the same name.
/// </summary>
public static class NameKey
{
    public static string Of(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(name.Length);
        foreach (var raw in name.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(raw) || raw == '\u3000')
            {
                continue;
            }

            sb.Append(char.ToUpperInvariant(raw));
        }

        return sb.ToString();
    }
}
