using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Portal.Infrastructure.Tests;
using Portal.Web.Tests.Support;

namespace Portal.Cluster.Tests;

/// <summary>
/// Three portal processes (the built Portal.Web.dll, Development settings) on one fresh PostgreSQL database,
/// with a private redis-server for the rate limits, behind nginx distributing requests round-robin. The first
/// node migrates, seeds and generates the shared keys; the other two start when it is ready. nginx adds an
/// X-Upstream header naming the node that answered. Everything is stopped and deleted on dispose.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int VerifyPerMinute = 10;
    private const string Nginx = "/usr/sbin/nginx";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-cluster-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly RedisTestServer _redis = new();
    private readonly Process?[] _nodes = new Process?[3];
    private readonly int[] _ports = new int[3];
    private Process? _nginx;
    private string? _database;

    public static bool Available => PostgresTestServer.Available && RedisTestServer.Available && File.Exists(Nginx);

    public static bool Required => Environment.GetEnvironmentVariable("PORTAL_REQUIRE_CLUSTER") == "1";

    public string Url { get; private set; } = string.Empty;

    /// <summary>When the daily jobs are set to run (China time, a few minutes after start).</summary>
    public DateTimeOffset JobsAt { get; private set; }

    public string ConnectionString => PostgresTestServer.ConnectionString(_database!);

    public IReadOnlyList<int> Ports => _ports;

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        Directory.CreateDirectory(_folder);
        _database = await PostgresTestServer.CreateEmptyDatabaseAsync();
        _redis.Start();
        for (var i = 0; i < 3; i++)
        {
            _ports[i] = FreePort();
        }

        var nginxPort = FreePort();
        Url = $"http://127.0.0.1:{nginxPort}";
        var china = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        JobsAt = new DateTimeOffset(china.Year, china.Month, china.Day, china.Hour, china.Minute, 0, china.Offset).AddMinutes(3);

        await StartNodeAsync(0);
        await Task.WhenAll(StartNodeAsync(1), StartNodeAsync(2));
        StartNginx(nginxPort);
        await WaitReadyAsync(Url + "/health/ready", () => _nginx!.HasExited ? "nginx exited: " + Tail("nginx/error.log") : null);
    }

    /// <summary>Starts node <paramref name="index"/> (again, after <see cref="Kill"/>) and waits until it is ready.</summary>
    public async Task StartNodeAsync(int index)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            dll, "--urls", $"http://127.0.0.1:{_ports[index]}", "--environment=Development",
            "--Database:Provider=PostgreSql", $"--ConnectionStrings:Portal={ConnectionString}", "--Database:MigrateOnStartup=true", "--Database:SeedDemoData=true",
            $"--Demo:Password={PortalFactory.DemoPassword}", $"--CertificateSigning:KeyDirectory={Path.Combine(_folder, "keys")}", $"--DocumentSigning:KeyDirectory={Path.Combine(_folder, "document-keys")}",
            $"--Email:PickupDirectory={Path.Combine(_folder, "mail")}", $"--Redis:Configuration={_redis.Configuration}",
            "--ForwardedHeaders:KnownProxies:0=127.0.0.1", $"--Portal:PublicBaseUrl={Url}", "--Portal:RequireStaffTwoFactor=false",
            $"--RateLimits:VerifyPerMinute={VerifyPerMinute}", "--RateLimits:PublicPerMinute=100000", "--RateLimits:AuthPerAddressPerMinute=100000",
            "--RateLimits:AuthPerAccountPer15Minutes=100000", "--Jobs:ImportLeaseSeconds=20", "--Jobs:ImportPollSeconds=2",
            $"--Jobs:certificate-expiry:At={JobsAt:HH:mm}", $"--Jobs:report-cycle:At={JobsAt:HH:mm}", $"--Jobs:open-data-export:At={JobsAt:HH:mm}", $"--Jobs:session-purge:At={JobsAt:HH:mm}",
            "--Logging:Console:FormatterName=json", "--Logging:LogLevel:Default=Information", "--Logging:LogLevel:Microsoft=Warning",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var log = new StreamWriter(Path.Combine(_folder, $"node{index}.log"), append: true) { AutoFlush = true };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) { if (e.Data is not null) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { lock (log) { if (e.Data is not null) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _nodes[index] = process;
        await WaitReadyAsync($"http://127.0.0.1:{_ports[index]}/health/ready", () => process.HasExited ? $"node {index} exited: " + Tail($"node{index}.log") : null);
    }

    /// <summary>Kills node <paramref name="index"/> at once (SIGKILL), as a crash or a pulled plug would.</summary>
    public void Kill(int index)
    {
        if (_nodes[index] is { HasExited: false } node)
        {
            node.Kill(entireProcessTree: true);
            node.WaitForExit();
        }
    }

    public bool IsRunning(int index) => _nodes[index] is { HasExited: false };

    /// <summary>The node whose process id is in a lease holder ("machine:pid:guid").</summary>
    public int? NodeOfHolder(string holder)
    {
        var parts = holder.Split(':');
        return parts.Length >= 3 && int.TryParse(parts[^2], CultureInfo.InvariantCulture, out var pid)
            ? Array.FindIndex(_nodes, n => n is { HasExited: false } && n.Id == pid) is var i and >= 0 ? i : null
            : null;
    }

    public string Log(int index) => File.Exists(Path.Combine(_folder, $"node{index}.log")) ? ReadShared(Path.Combine(_folder, $"node{index}.log")) : string.Empty;

    /// <summary>A browser-like client of the proxy, connecting from <paramref name="source"/> (any 127.x.y.z address is this machine).</summary>
    public PortalClient Client(string source = "127.0.0.1")
    {
        var local = IPAddress.Parse(source);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            PooledConnectionLifetime = TimeSpan.FromSeconds(1), // new connections keep meeting the round-robin
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new PortalClient(new HttpClient(handler) { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) });
    }

    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    public async Task<List<T>> ColumnAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetFieldValue<T>(0));
        }

        return list;
    }

    private void StartNginx(int port)
    {
        var prefix = Path.Combine(_folder, "nginx");
        Directory.CreateDirectory(prefix);
        var servers = string.Join(" ", _ports.Select(p => $"server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;"));
        var conf = $$"""
            worker_processes 1;
            error_log {{prefix}}/error.log warn;
            pid {{prefix}}/nginx.pid;
            {{(Environment.UserName == "root" ? "user root;" : string.Empty)}}
            events { worker_connections 512; }
            http {
                access_log off;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                upstream portal { {{servers}} }
                server {
                    listen 127.0.0.1:{{port}};
                    client_max_body_size 30m;
                    location / {
                        proxy_pass http://portal;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_connect_timeout 2s;
                        proxy_read_timeout 120s;
                        add_header X-Upstream $upstream_addr always;
                    }
                }
            }
            """;
        File.WriteAllText(Path.Combine(prefix, "nginx.conf"), conf);
        var start = new ProcessStartInfo(Nginx) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-p", prefix, "-c", Path.Combine(prefix, "nginx.conf"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(arg);
        }

        _nginx = Process.Start(start)!;
        _nginx.OutputDataReceived += (_, _) => { };
        _nginx.ErrorDataReceived += (_, _) => { };
        _nginx.BeginOutputReadLine();
        _nginx.BeginErrorReadLine();
    }

    private static async Task WaitReadyAsync(string url, Func<string?> failed)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            if (failed() is { } why)
            {
                throw new InvalidOperationException(why);
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{url} was not ready in 180 s");
    }

    private string Tail(string file)
    {
        var path = Path.Combine(_folder, file);
        var text = File.Exists(path) ? ReadShared(path) : string.Empty;
        return text.Length > 3000 ? text[^3000..] : text;
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        for (var i = 0; i < _nodes.Length; i++)
        {
            Kill(i);
            _nodes[i]?.Dispose();
        }

        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true);
            _nginx.WaitForExit();
        }

        _nginx?.Dispose();
        _redis.Dispose();
        if (_database is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(_database);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A cluster test: skipped without PostgreSQL, redis-server and nginx, unless PORTAL_REQUIRE_CLUSTER=1.</summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (!ClusterFixture.Available && !ClusterFixture.Required)
        {
            Skip = "needs PORTAL_TEST_POSTGRES, redis-server and nginx (.ci/run provides them; PORTAL_REQUIRE_CLUSTER=1 fails instead of skipping)";
        }
    }
}
