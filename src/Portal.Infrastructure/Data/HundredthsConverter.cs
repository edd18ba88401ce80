using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Infrastructure.Data;

/// <summary>Stores a two-decimal amount as an integer number of hundredths (e.g. 12.34 万元 → 1234).</summary>
public sealed class HundredthsConverter() : ValueConverter<decimal, long>(
    v => (long)decimal.Round(v * 100m, 0, MidpointRounding.AwayFromZero),
    v => v / 100m);
