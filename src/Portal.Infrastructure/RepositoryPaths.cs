namespace Portal.Infrastructure;

/// <summary>
/// Where the portal keeps its files. In a source checkout that is the repository root (found by
/// walking up to Portal.sln), so `dotnet run --project src/Portal.Web` works from anywhere in it;
/// in a published deployment it is the content root.
/// </summary>
public sealed class RepositoryPaths
{
    public RepositoryPaths(string contentRoot)
    {
        Root = FindRoot(contentRoot) ?? FindRoot(AppContext.BaseDirectory) ?? contentRoot;
    }

    public string Root { get; }

    public string WebRoot => Path.Combine(Root, "wwwroot");

    public string Seed => Path.Combine(Root, "db", "seed");

    public string Resolve(string relative) => Path.IsPathRooted(relative) ? relative : Path.GetFullPath(Path.Combine(Root, relative));

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
