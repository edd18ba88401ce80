using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Tests;

public class PasswordRulesTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("woaini1314520")]
    [InlineData("aaaaaaaaaaaaaa")]
    [InlineData("abababababab")]
    [InlineData("1234567890123")]
    [InlineData("qwertyuiopasd")]
    public void CommonPasswords_AreRefused(string password) => Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("春眠不觉晓处处闻啼鸟")]
    [InlineData("correct horse battery staple")]
    [InlineData("k7pw-3hxq-9tmc-r2fa")]
    public void UncommonPasswords_AreAccepted(string password) => Assert.False(CommonPasswordValidator.IsCommon(password));
}
