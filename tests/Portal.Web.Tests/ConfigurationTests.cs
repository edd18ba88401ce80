using System.Diagnostics;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

public class ConfigurationTests
{
    [Theory]
    [InlineData("Oracle")]
    [InlineData("")]
    [InlineData("5")]
    public void UnknownProvider_IsRefusedNamingTheSetting(string provider)
    {
        var ex = Assert.Throws<StartupConfigurationException>(() => new DatabaseOptions { Provider = provider }.ParsedProvider);
        Assert.Contains("Database:Provider", ex.Message);
    }

    [Theory]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("SqlServer", DatabaseProvider.SqlServer)]
    public void KnownProviders_AreAcceptedInAnyCase(string provider, DatabaseProvider expected) =>
        Assert.Equal(expected, new DatabaseOptions { Provider = provider }.ParsedProvider);

    [Fact]
    public void UnreachableSqlServer_FailsWithin30SecondsNamingTheConnectionString()
    {
        using var factory = new PortalFactory();
        factory.Settings["Database:Provider"] = "SqlServer";

        // Port 1 on loopback: nothing listens, so the connection is refused (no network needed).
        factory.Settings["ConnectionStrings:Portal"] = "Server=tcp:127.0.0.1,1;Database=Portal;User Id=sa;Password=x;Encrypt=False;Connect Timeout=60";
        var watch = Stopwatch.StartNew();
        var ex = Assert.Throws<StartupConfigurationException>(() => factory.CreateClient());
        watch.Stop();
        Assert.Contains("ConnectionStrings:Portal", ex.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task UnknownProvider_PrintsOneLineAndExitsNonZero()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Database__Provider"] = "Oracle";
        start.Environment["Portal__PublicBaseUrl"] = "https://portal.example";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(1, process.ExitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Portal cannot start: Database:Provider", line);
    }
}
