namespace Portal.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>Section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (embedded, default), "PostgreSql" or "SqlServer". Anything else stops start-up.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>Apply migrations at start. Defaults to true for the embedded database, false for the server databases (apply the reviewed script).</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Seed the demo offices, institutions and accounts into an empty database. Defaults to true for the embedded database.</summary>
    public bool? SeedDemoData { get; set; }

    public DatabaseProvider ParsedProvider =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var p) && Enum.IsDefined(p)
            ? p
            : throw new StartupConfigurationException(
                $"Database:Provider is '{Provider}'; set it to 'Sqlite' (embedded), 'PostgreSql' or 'SqlServer'.");

    public bool ShouldMigrate => MigrateOnStartup ?? ParsedProvider == DatabaseProvider.Sqlite;

    public bool ShouldSeedDemo => SeedDemoData ?? ParsedProvider == DatabaseProvider.Sqlite;
}

/// <summary>Start-up cannot continue because of a setting; the message names the setting to fix and is printed as one line.</summary>
public sealed class StartupConfigurationException(string message) : Exception(message);
