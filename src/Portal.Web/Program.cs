using Portal.Infrastructure.Data;
using Portal.Web;

try
{
    return await PortalApp.RunAsync(args);
}
catch (StartupConfigurationException ex)
{
    // One readable line naming the setting to fix, not a stack trace.
    Console.Error.WriteLine("Portal cannot start: " + ex.Message);
    return 1;
}

/// <summary>Exposed so WebApplicationFactory can find the entry point.</summary>
public partial class Program;
