using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure;
using Portal.Infrastructure.Backup;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Import;
using Portal.Infrastructure.Seeding;

namespace Portal.Web.Commands.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project src/Portal.Web -- bench import [--rows N]`: on a temporary database,
/// imports an N-row register file (default 100,000) — dry run, real run, idempotent re-run — then backs
/// the database up, verifies the backup and restores it, and prints each timing.
/// </summary>
public static class ImportBenchmark
{
    public static async Task<int> RunAsync(WebApplication app, int rows, string folder)
    {
        await PortalApp.InitializeDatabaseAsync(app);
        var csv = new StringBuilder(string.Join(',', RegisterImport.Columns.Select(c => c.Zh)) + "\r\n");
        var random = new Random(7);
        for (var n = 0; n < rows; n++)
        {
            csv.Append(Csv.Line([
                SyntheticRegister.Code("330726", 1_000_000 + n), $"浦江县导入测试单位{n:D6}", null, $"浙江省金华市浦江县浦阳街道示例路{n % 500 + 1}号", "为公众提供公共服务，开展相关业务活动。",
                "张三", ResidentIdNumber.WithCheck("3307261980" + (1 + random.Next(12)).ToString("00", CultureInfo.InvariantCulture) + (1 + random.Next(28)).ToString("00", CultureInfo.InvariantCulture) + random.Next(1000).ToString("000", CultureInfo.InvariantCulture)),
                "FULL", (random.Next(1, 100_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture), "浦江县人民政府", "2005-06-01", $"事证第1{n:D11}号", "2029-05-31",
            ]));
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(csv.ToString()); // what Excel on a Chinese Windows saves
        Console.WriteLine($"register file: {rows:N0} rows, {bytes.Length / 1048576.0:0.0} MB, GB18030");

        ImportRun run;
        var timer = Stopwatch.StartNew();
        using (var scope = app.Services.CreateScope())
        {
            run = await scope.ServiceProvider.GetRequiredService<RegisterImport>().CreateRunAsync(DemoDataSeeder.CountyOfficeId, "bench.csv", bytes, "bench");
        }

        Console.WriteLine($"dry run: {run.TotalRows:N0} rows checked, {run.ErrorCount} errors, in {timer.Elapsed.TotalSeconds:0.0} s");
        timer.Restart();
        using (var scope = app.Services.CreateScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<RegisterImport>();
            await import.StartAsync(run.Id, DemoDataSeeder.CountyOfficeId);
            while (await import.RunBatchesAsync(run.Id, 10))
            {
            }

            var done = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ImportRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id);
            Console.WriteLine($"real run: {done.Inserted:N0} institutions imported ({done.State}) in {timer.Elapsed.TotalSeconds:0.0} s");
        }

        timer.Restart();
        using (var scope = app.Services.CreateScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<RegisterImport>().CreateRunAsync(DemoDataSeeder.CountyOfficeId, "bench.csv", bytes, "bench");
            Console.WriteLine($"re-run dry run: {again.AlreadyPresent:N0} already present, {again.ErrorCount} errors, nothing to write, in {timer.Elapsed.TotalSeconds:0.0} s");
        }

        string database;
        using (var scope = app.Services.CreateScope())
        {
            database = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GetDbConnection().DataSource;
        }

        timer.Restart();
        var (backup, manifest) = await DatabaseBackup.CreateAsync(database, Path.Combine(folder, "keys"), Path.Combine(folder, "backups"), DateTime.UtcNow);
        Console.WriteLine(DatabaseBackup.Describe(manifest, backup, timer.Elapsed));
        timer.Restart();
        var check = await DatabaseBackup.VerifyAsync(backup);
        Console.WriteLine($"verify-backup: {(check.Ok ? "ok" : string.Join("; ", check.Problems))} in {timer.Elapsed.TotalSeconds:0.0} s");
        timer.Restart();
        var restored = Path.Combine(folder, "restored", "portal.db");
        await DatabaseBackup.RestoreAsync(backup, restored, Path.Combine(folder, "restored-keys"), force: false);
        Console.WriteLine($"restore: {new FileInfo(restored).Length / 1048576.0:0.0} MB in {timer.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
