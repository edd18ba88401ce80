using Portal.Domain.Codes;

namespace Portal.Domain.Tests.Codes;

public class UnifiedSocialCreditCodeTests
{
    // domain.md worked example: 浙江大学.
    private const string ZhejiangUniversity = "12100000470095016Q";

    [Fact]
    public void TryParse_WorkedExample_IsValid()
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(ZhejiangUniversity, out var code));
        Assert.Equal(ZhejiangUniversity, code.ToString());
        Assert.Equal("100000", code.RegionCode);
        Assert.Equal("47009501", code.Body);
    }

    [Fact]
    public void TryCreate_FromWorkedExampleParts_ComputesBothCheckCharacters()
    {
        Assert.True(UnifiedSocialCreditCode.TryCreate("100000", "47009501", out var code));
        Assert.Equal(ZhejiangUniversity, code.Value);
        Assert.Equal('6', code.Value[16]);
        Assert.Equal('Q', code.Value[17]);
    }

    [Theory]
    [InlineData("12100000470095016q")]
    [InlineData(" 1210 0000 4700 9501 6Q ")]
    [InlineData("121000-0047009501-6Q")]
    [InlineData("１２１０００００４７００９５０１６Ｑ")]
    [InlineData("１２１０００００ ４７００９５０１　６ｑ")]
    public void TryParse_IsForgivingAboutCaseSpacesAndFullWidth(string input)
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(input, out var code));
        Assert.Equal(ZhejiangUniversity, code.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12100000470095016")]
    [InlineData("12100000470095016QQ")]
    [InlineData("12100000470095016I")]
    [InlineData("1210000047009501<Q")]
    public void TryParse_RejectsMalformedInput(string? input)
    {
        Assert.False(UnifiedSocialCreditCode.TryParse(input, out _));
    }

    [Fact]
    public void TryParse_RejectsEverySingleCharacterSubstitution()
    {
        var accepted = new List<string>();
        for (var position = 0; position < UnifiedSocialCreditCode.Length; position++)
        {
            foreach (var replacement in UnifiedSocialCreditCode.Alphabet)
            {
                if (replacement == ZhejiangUniversity[position])
                {
                    continue;
                }

                var chars = ZhejiangUniversity.ToCharArray();
                chars[position] = replacement;
                var mutated = new string(chars);
                if (UnifiedSocialCreditCode.TryParse(mutated, out _))
                {
                    accepted.Add(mutated);
                }
            }
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public void Parse_InvalidCode_Throws()
    {
        Assert.Throws<FormatException>(() => UnifiedSocialCreditCode.Parse("12100000470095016A"));
    }

    [Fact]
    public void GeneratedCodes_AreAllValidAndDistinct()
    {
        var random = new Random(20261126);
        var codes = new HashSet<string>();
        for (var i = 0; i < 5000; i++)
        {
            var body = CodeBodyGenerator.NextBody(random.Next);
            Assert.True(UnifiedSocialCreditCode.TryCreate("330726", body, out var code));
            Assert.StartsWith("12330726MB", code.Value);
            Assert.True(UnifiedSocialCreditCode.TryParse(code.Value, out var reparsed), code.Value);
            Assert.Equal(code, reparsed);
            codes.Add(code.Value);
        }

        Assert.Equal(5000, codes.Count);
    }

    [Theory]
    [InlineData("33072", "MB123456")]
    [InlineData("33072A", "MB123456")]
    [InlineData("330726", "MB12345")]
    [InlineData("330726", "MB1234I6")]
    public void TryCreate_RejectsMalformedParts(string region, string body)
    {
        Assert.False(UnifiedSocialCreditCode.TryCreate(region, body, out _));
    }

    [Theory]
    [InlineData(CodeCategory.Organ, "11")]
    [InlineData(CodeCategory.PublicInstitution, "12")]
    [InlineData(CodeCategory.PeopleOrganisation, "13")]
    [InlineData(CodeCategory.Other, "19")]
    public void EveryCategory_MakesValidDistinctCodes_ThatReadBackTheirCategory(CodeCategory category, string prefix)
    {
        var random = new Random(20261201);
        var codes = new HashSet<string>();
        for (var i = 0; i < 2000; i++)
        {
            Assert.True(UnifiedSocialCreditCode.TryCreate(category, "330726", CodeBodyGenerator.NextBody(random.Next), out var code));
            Assert.StartsWith(prefix + "330726MB", code.Value);
            Assert.True(UnifiedSocialCreditCode.TryParse(code.Value, out var reparsed), code.Value);
            Assert.Equal(category, reparsed.Category);
            codes.Add(code.Value);
        }

        Assert.Equal(2000, codes.Count);
    }

    [Fact]
    public void OneBody_InTwoCategories_GivesTwoCodesWithTheSameBody()
    {
        Assert.True(UnifiedSocialCreditCode.TryCreate(CodeCategory.Organ, "330726", "MB000001", out var organ));
        Assert.True(UnifiedSocialCreditCode.TryCreate(CodeCategory.PublicInstitution, "330726", "MB000001", out var institution));
        Assert.NotEqual(organ.Value, institution.Value);
        Assert.Equal(organ.Body, institution.Body); // why the registry keeps bodies unique across categories
        Assert.False(UnifiedSocialCreditCode.TryCreate((CodeCategory)7, "330726", "MB000001", out _));
        Assert.Null(default(UnifiedSocialCreditCode).Category);
    }
}
