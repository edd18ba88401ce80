namespace Portal.Domain.Common;

/// <summary>
/// Personal identity numbers are never shown in full outside the registry: keep the first three and
/// last two characters (enough for a person to recognise their own), star the rest.
/// </summary>
public static class IdentityNumberMask
{
    public static string Mask(string? idNumber)
    {
        if (string.IsNullOrEmpty(idNumber))
        {
            return string.Empty;
        }

        if (idNumber.Length <= 5)
        {
            return new string('*', idNumber.Length);
        }

        return string.Concat(idNumber.AsSpan(0, 3), new string('*', idNumber.Length - 5), idNumber.AsSpan(idNumber.Length - 2));
    }
}
