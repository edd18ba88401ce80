using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Tests.Common;

/// <summary>Typed numbers are read the same way in every culture: exactly what the person meant, or refused with a reason.</summary>
public class PlainNumberTests
{
    public static TheoryData<string?, string?, NumberProblem> Cases => new()
    {
        // input, value stored (invariant text) or null, problem
        { "12,5", null, NumberProblem.NotANumber },          // a decimal comma is not 125
        { "1,234.5", null, NumberProblem.NotANumber },       // no thousands separators
        { "１２.５", "12.5", NumberProblem.None },             // full-width digits
        { "１２．５０", "12.50", NumberProblem.None },         // full-width point
        { " 12.50 ", "12.50", NumberProblem.None },          // surrounding spaces
        { "\u300012.5\u3000", "12.5", NumberProblem.None },  // ideographic spaces
        { "abc", null, NumberProblem.NotANumber },
        { "-1", null, NumberProblem.Negative },
        { "1e3", null, NumberProblem.NotANumber },
        { "12.345", null, NumberProblem.TooManyDecimals },
        { "", null, NumberProblem.Empty },
        { "   ", null, NumberProblem.Empty },
        { null, null, NumberProblem.Empty },
        { "100000000", null, NumberProblem.OutOfRange },     // above the column's range (99,999,999.99)
        { "99999999.99", "99999999.99", NumberProblem.None },
        { "0", "0", NumberProblem.None },
        { "007", "7", NumberProblem.None },
        { "12.", null, NumberProblem.NotANumber },
        { ".5", null, NumberProblem.NotANumber },
        { "1 000", null, NumberProblem.NotANumber },
        { "+5", null, NumberProblem.NotANumber },
        { "1.2.3", null, NumberProblem.NotANumber },
        { "١٢", null, NumberProblem.NotANumber },            // other scripts' digits are not accepted
        { "99999999999999999999999999999", null, NumberProblem.OutOfRange },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Amount_IsReadExactly_OrRefused_InEveryCulture(string? input, string? expected, NumberProblem problem)
    {
        foreach (var culture in new[] { "zh-CN", "en-US", "de-DE", "fr-FR" })
        {
            var previous = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            try
            {
                Assert.Equal(problem, PlainNumber.TryParse(input, 2, 0m, 99_999_999.99m, out var value));
                if (expected is not null)
                {
                    Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
                }
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }
        }
    }

    [Theory]
    [InlineData("-12.5", -12.5)]
    [InlineData("－12.5", -12.5)]
    [InlineData("-0.01", -0.01)]
    public void ANegativeAmount_IsAccepted_WhereTheFieldAllowsIt(string input, double expected)
    {
        Assert.Equal(NumberProblem.None, PlainNumber.TryParse(input, 2, -99_999_999.99m, 99_999_999.99m, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("25", NumberProblem.None)]
    [InlineData("25.0", NumberProblem.TooManyDecimals)]
    [InlineData("1000001", NumberProblem.OutOfRange)]
    public void ACount_IsAWholeNumber(string input, NumberProblem problem) =>
        Assert.Equal(problem, PlainNumber.TryParse(input, 0, 0m, 1_000_000m, out _));

    [Fact]
    public void AStoredAmount_IsWrittenBack_SoThatItReadsBackTheSame()
    {
        Assert.Equal("12.50", PlainNumber.Format(12.5m, 2));
        Assert.Equal("8", PlainNumber.Format(8m, 0));
        Assert.Equal(string.Empty, PlainNumber.Format(null, 2));
        Assert.Equal(NumberProblem.None, PlainNumber.TryParse(PlainNumber.Format(1234.5m, 2), 2, 0m, 99_999_999.99m, out var back));
        Assert.Equal(1234.5m, back);
    }
}
