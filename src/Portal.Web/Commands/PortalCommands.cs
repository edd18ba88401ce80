using System.CommandLine;

namespace Portal.Web.Commands;

/// <summary>
/// The portal's command-line tools: <c>dotnet run --project src/Portal.Web -- &lt;command&gt;</c>, each with
/// <c>--help</c>. Anything a command does not know (<c>--Section:Key=value</c>, <c>--environment</c>) is
/// passed on to the app's configuration, as when the portal itself starts.
/// </summary>
public static class PortalCommands
{
    private static readonly Func<Command>[] All =
    [
        VerifyTokenCommand.Create,
        BenchCommand.Create,
        GenerateRegisterCommand.Create,
        AuditCommand.Create,
        AccessTableCommand.Create,
        BackupCommands.Backup,
        BackupCommands.VerifyBackup,
        BackupCommands.Restore,
        DemoCommand.Create,
        KeysCommand.Create,
        ApiClientsCommand.Create,
    ];

    private static readonly Lazy<HashSet<string>> Names = new(() => All.Select(c => c().Name).ToHashSet(StringComparer.Ordinal));

    /// <summary>Whether the first argument names a command (otherwise the portal starts as a web server).</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && (Names.Value.Contains(args[0]) || args[0] is "--help" or "-h" or "-?");

    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Portal — 事业单位登记管理服务平台. Without a command, the portal starts as a web server.");
        foreach (var create in All)
        {
            root.Subcommands.Add(create());
        }

        return root.Parse(args).InvokeAsync();
    }

    /// <summary>A subcommand that passes what it does not recognise on to the app's configuration.</summary>
    public static Command Open(string name, string description)
    {
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        return command;
    }

    /// <summary>The configuration settings given on the command line (everything no option claimed).</summary>
    public static string[] Settings(ParseResult result) => [.. result.UnmatchedTokens];
}
