using System.CommandLine;
using Portal.Web.Commands.Benchmarks;

namespace Portal.Web.Commands;

/// <summary>
/// <c>bench certificates|search|import|login</c>: in-process measurements on a throw-away database (deleted
/// afterwards). The web pages as users meet them are measured from outside the process by
/// <c>scripts/bench-web.sh</c>.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "In-process benchmarks on a temporary database");

        var seconds = new Option<int>("--seconds") { Description = "Seconds of load per page", DefaultValueFactory = _ => 10 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight", DefaultValueFactory = _ => 16 };
        bench.Subcommands.Add(Sub("certificates", "Certificate rendering, and the verify page against /health/live in-process", [seconds, concurrency],
            (app, _, r) => CertificateBenchmark.RunAsync(app, r.GetValue(seconds), r.GetValue(concurrency))));

        var count = new Option<int>("--count") { Description = "Institutions in the synthetic register", DefaultValueFactory = _ => 1_000_000 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds over the query set", DefaultValueFactory = _ => 20 };
        var provider = new Option<string>("--provider")
        {
            Description = "Sqlite (a temporary file) or PostgreSql (a temporary database on the server in PORTAL_BENCH_POSTGRES or PORTAL_TEST_POSTGRES, dropped afterwards)",
            DefaultValueFactory = _ => "Sqlite",
        };
        provider.AcceptOnlyFromAmong("Sqlite", "PostgreSql");
        bench.Subcommands.Add(Sub("search", "Name search at the service and through /register", [count, rounds, provider],
            (app, _, r) => SearchBenchmark.RunAsync(app, r.GetValue(count), r.GetValue(rounds)), provider));

        var rows = new Option<int>("--rows") { Description = "Rows in the import file", DefaultValueFactory = _ => 100_000 };
        bench.Subcommands.Add(Sub("import", "Import dry run, real run and re-run; backup, verify, restore", [rows],
            (app, folder, r) => ImportBenchmark.RunAsync(app, r.GetValue(rows), folder)));

        var tries = new Option<int>("--tries") { Description = "Tries per path", DefaultValueFactory = _ => 30 };
        bench.Subcommands.Add(Sub("login", "Failed-login timing per path (unknown, wrong, locked, disabled, invited)", [tries],
            (app, _, r) => LoginBenchmark.RunAsync(app, r.GetValue(tries))));
        return bench;
    }

    private static Command Sub(string name, string description, Option[] options, Func<WebApplication, string, ParseResult, Task<int>> run, Option<string>? provider = null)
    {
        var command = PortalCommands.Open(name, description);
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, _) =>
        {
            var folder = Directory.CreateTempSubdirectory("portal-bench-").FullName;
            var postgres = provider is not null && result.GetValue(provider) == "PostgreSql" ? await BenchDatabase.CreatePostgreSqlAsync() : null;
            try
            {
                var arguments = CertificateBenchmark.Arguments(PortalCommands.Settings(result), folder);
                return await run(PortalApp.Build(postgres is null ? arguments : [.. arguments, .. postgres.Arguments]), folder, result);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                if (postgres is not null)
                {
                    await postgres.DropAsync();
                }

                Directory.Delete(folder, recursive: true);
            }
        });
        return command;
    }
}
