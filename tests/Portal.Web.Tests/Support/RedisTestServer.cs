using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.Web.Tests.Support;

/// <summary>
/// A private redis-server (Debian's redis-server package) on 127.0.0.1 and a free port, no persistence,
/// stopped on dispose. <see cref="Available"/> is false without the binary; PORTAL_REQUIRE_REDIS=1 (set by
/// .ci/run) makes the tests that need it fail instead of skipping.
/// </summary>
public sealed class RedisTestServer : IDisposable
{
    private const string Binary = "/usr/bin/redis-server";
    private Process? _process;

    public static bool Available => File.Exists(Binary);

    public static bool Required => Environment.GetEnvironmentVariable("PORTAL_REQUIRE_REDIS") == "1";

    public const string SkipReason = "redis-server is not installed (apt-get install redis-server; PORTAL_REQUIRE_REDIS=1 fails instead of skipping)";

    public int Port { get; private set; }

    public string Configuration => $"127.0.0.1:{Port},connectTimeout=2000,syncTimeout=2000";

    public void Start()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _process = Process.Start(new ProcessStartInfo(Binary, ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not listen on {Port}");
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        _process?.Dispose();
    }
}

/// <summary>A test that needs redis-server: skipped without it, unless PORTAL_REQUIRE_REDIS=1.</summary>
public sealed class RedisFactAttribute : Xunit.FactAttribute
{
    public RedisFactAttribute()
    {
        if (!RedisTestServer.Available && !RedisTestServer.Required)
        {
            Skip = RedisTestServer.SkipReason;
        }
    }
}
