using System.Text;

namespace Portal.Infrastructure;

/// <summary>CSV as Excel expects it for Chinese text (UTF-8 with a byte-order mark), safe to open.</summary>
public static class Csv
{
    public static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// One cell: formulas neutralised (a value beginning with =, +, -, @, tab or carriage return gets a
    /// leading apostrophe, so a spreadsheet shows it as text instead of running it — OWASP "CSV
    /// injection"), then quoted when it holds a comma, quote or line break.
    /// </summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
