using System.Runtime.CompilerServices;

namespace Portal.Web.Tests.Support;

/// <summary>
/// Each test host would otherwise watch files through inotify (configuration reload, the static files'
/// version hashes), and Linux allows a user 128 inotify instances: the web suites on both engines, run side
/// by side by `dotnet test`, start far more hosts than that. Polling watchers and no configuration reload
/// change nothing the tests look at.
/// </summary>
internal static class TestEnvironment
{
    [ModuleInitializer]
    internal static void NoInotify()
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
