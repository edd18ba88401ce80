using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Portal.Infrastructure.Data;

/// <summary>
/// The few public reads that run on every scan (the verify page above all), on the embedded database:
/// statements prepared once on a small pool of read-only connections. Preparing a four-table join costs
/// SQLite about 70 µs, several times what running it by key does, and neither Microsoft.Data.Sqlite nor
/// EF Core keeps prepared statements between commands; a DbContext per request adds as much again.
/// Server databases cache plans themselves, so there these reads stay on EF Core (<see cref="IsAvailable"/>).
/// </summary>
public sealed class PreparedReads : IDisposable
{
    private readonly string? _connectionString;
    private readonly ConcurrentBag<Lease> _idle = [];
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount * 4); // connections at most: each has its own page cache

    public PreparedReads(string? sqliteConnectionString)
    {
        if (sqliteConnectionString is not null)
        {
            _connectionString = new SqliteConnectionStringBuilder(sqliteConnectionString) { Pooling = false }.ConnectionString;
        }
    }

    public bool IsAvailable => _connectionString is not null;

    /// <summary>Called with each connection this opens (the query-plan test traces what runs on them).</summary>
    public Action<SqliteConnection>? Opened { get; set; }

    /// <summary>The first row of <paramref name="sql"/> mapped by <paramref name="map"/>, or default when there is none.</summary>
    public async Task<T?> FirstAsync<T>(string sql, Func<SqliteDataReader, T> map, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        if (_connectionString is null)
        {
            throw new InvalidOperationException("Prepared reads are for the embedded database.");
        }

        await _slots.WaitAsync(ct);
        try
        {
            var lease = _idle.TryTake(out var idle) ? idle : new Lease(_connectionString, Opened);
            try
            {
                var command = lease.Command(sql, parameters);
                foreach (var (name, value) in parameters)
                {
                    var parameter = command.Parameters[name];
                    parameter.SqliteType = value is long or int ? SqliteType.Integer : SqliteType.Text;
                    parameter.Value = value ?? DBNull.Value;
                }

                T? result;
                using (var reader = command.ExecuteReader())
                {
                    result = reader.Read() ? map(reader) : default;
                }

                _idle.Add(lease);
                return result;
            }
            catch
            {
                lease.Dispose(); // a connection in an unknown state is not reused
                throw;
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var lease))
        {
            lease.Dispose();
        }

        _slots.Dispose();
    }

    /// <summary>One connection and the statements prepared on it.</summary>
    private sealed class Lease : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public Lease(string connectionString, Action<SqliteConnection>? opened)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            opened?.Invoke(_connection);

            // Nothing on this path may write, whatever a bug might try.
            using var pragma = _connection.CreateCommand();
            pragma.CommandText = "PRAGMA query_only=1; PRAGMA busy_timeout=10000;";
            pragma.ExecuteNonQuery();
        }

        public SqliteCommand Command(string sql, (string Name, object? Value)[] parameters)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = _connection.CreateCommand();
                command.CommandText = sql;
                foreach (var (name, _) in parameters)
                {
                    command.Parameters.Add(new SqliteParameter(name, SqliteType.Text));
                }

                command.Prepare();
                _commands[sql] = command;
            }

            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _connection.Dispose();
        }
    }
}
