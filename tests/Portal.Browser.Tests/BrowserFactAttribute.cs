namespace Portal.Browser.Tests;

/// <summary>
/// A test that needs Debian's chromium. Without it the test is reported as skipped, unless
/// PORTAL_REQUIRE_BROWSER=1 (set by .ci/run), when it runs and fails.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!BrowserEnvironment.ChromiumAvailable && !BrowserEnvironment.Required)
        {
            Skip = $"chromium not found at {BrowserEnvironment.ChromiumPath} (set PORTAL_REQUIRE_BROWSER=1 to fail instead)";
        }
    }
}

public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!BrowserEnvironment.ChromiumAvailable && !BrowserEnvironment.Required)
        {
            Skip = $"chromium not found at {BrowserEnvironment.ChromiumPath} (set PORTAL_REQUIRE_BROWSER=1 to fail instead)";
        }
    }
}

public static class BrowserEnvironment
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") ?? "/usr/bin/chromium";

    public static bool ChromiumAvailable => File.Exists(ChromiumPath);

    public static bool Required => Environment.GetEnvironmentVariable("PORTAL_REQUIRE_BROWSER") == "1";
}
