using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>The command line (System.CommandLine): every command listed with its help, settings passed through to the app.</summary>
public class CommandLineTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    [Fact]
    public async Task Help_ListsEveryCommand_AndEachCommandHasItsOwnHelp()
    {
        var (code, output) = await RunAsync("--help");
        Assert.Equal(0, code);
        foreach (var command in new[] { "verify-token", "bench", "generate-register", "audit", "access-table", "backup", "verify-backup", "restore", "demo", "keys", "api-clients" })
        {
            Assert.Contains(command, output);
        }

        var (benchCode, bench) = await RunAsync("bench", "search", "--help");
        Assert.Equal(0, benchCode);
        Assert.Contains("--count", bench);
        Assert.Contains("--rounds", bench);
    }

    [Fact]
    public async Task ApiClientsAdd_RegistersAClientCredentialsClient_InTheConfiguredDatabase_AndRefusesAnUnknownScope()
    {
        _ = factory.Server; // migrated and seeded
        var database = factory.DatabaseArguments;
        var keys = "--CertificateSigning:KeyDirectory=" + Path.Combine(factory.Folder, "keys");
        var (code, output) = await RunAsync(["api-clients", "add", "--name", "命令行客户端", "--scope", "register.read", "--scope", "feed.read", "--environment=Development", .. database, keys]);
        Assert.True(code == 0, output);
        var clientId = output.Split('\n').Single(l => l.StartsWith("client_id=", StringComparison.Ordinal))["client_id=".Length..].Trim();
        var secret = output.Split('\n').Single(l => l.StartsWith("client_secret=", StringComparison.Ordinal))["client_secret=".Length..].Trim();
        using (var scope = factory.Services.CreateScope())
        {
            var client = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ApiClients.SingleAsync(c => c.ClientId == clientId);
            Assert.Equal("register.read feed.read", client.Scopes);
        }

        using var http = factory.CreateClient();
        var token = await ApiClientsForTests.TokenResponseAsync(http, new ApiClientsForTests.Registered(clientId, secret));
        Assert.Equal(System.Net.HttpStatusCode.OK, token.StatusCode);

        var (badCode, bad) = await RunAsync(["api-clients", "add", "--name", "x", "--scope", "everything", "--environment=Development", .. database, keys]);
        Assert.Equal(2, badCode);
        Assert.Contains("Unknown scope everything", bad);
    }
}
