using System.Reflection;
using PdfSharp.Fonts;

namespace Portal.Infrastructure.Certificates;

/// <summary>
/// Serves the vendored Noto Serif SC face to PDFsharp from an embedded resource, so a fresh machine
/// renders Chinese with no system fonts. Every family name maps to it: certificates and instruments use one typeface.
/// Bold is PDFsharp's simulated bold of the same face: each PDF then embeds one font subset instead of two, which
/// halves the bytes to compress and is what keeps a signed certificate pair within its time goal (README, benchmark).
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "Noto Serif SC";
    private const string Regular = "Portal.Fonts.NotoSerifSC-Regular.ttf";

    private static readonly Lazy<byte[]> RegularBytes = new(() => Load(Regular));
    private static readonly object Gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp's font settings are global).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFontResolver)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Regular, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => RegularBytes.Value;

    private static byte[] Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
