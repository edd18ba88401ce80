using System.Net;
using System.Reflection;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Infrastructure;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>
/// Every POST endpoint of the app (found from the routing data, so new ones are included), as a principal
/// allowed to use it, with every parameter and form field it binds set in turn to hostile values: the
/// app never answers 5xx. The route values point at real records, so the actions run their checks.
/// </summary>
public class EveryPostEndpointTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task EveryPostEndpoint_WithHostileValuesInEveryField_NeverAnswers5xx()
    {
        _ = factory.Server;
        var corpus = HostileInputTests.Corpus(24).Where(v => !v.Contains('\0')).ToList();
        var principals = new Dictionary<Audience, string>
        {
            [Audience.Anyone] = "", [Audience.SignedIn] = Demo.Manager, [Audience.Institution] = Demo.Manager, [Audience.InstitutionMember] = Demo.Manager,
            [Audience.InstitutionManager] = Demo.Manager, [Audience.Registry] = Demo.Registrar, [Audience.Supervisor] = Demo.Supervisor, [Audience.Administrator] = Demo.Admin,
        };
        var clients = new Dictionary<string, (PortalClient Client, string Token)>();
        foreach (var email in principals.Values.Distinct())
        {
            var client = factory.Client();
            if (email.Length > 0)
            {
                await client.LoginOkAsync(email);
            }

            var page = await client.PageAsync(email.Length > 0 ? "/account" : "/account/login");
            clients[email] = (client, ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value);
        }

        var failures = new List<string>();
        var requests = 0;
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true && e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .ToList();
        Assert.True(endpoints.Count > 50, endpoints.Count.ToString());
        foreach (var endpoint in endpoints)
        {
            var key = "POST /" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var access = AccessMap.Endpoints[key];
            if (access.Audience == Audience.ApiClient || key is "POST /account/logout" or "POST /connect/token" or "POST /connect/authorize")
            {
                continue; // the API has its own corpus (HostileInputTests); these end the session or speak OAuth
            }

            var (client, token) = clients[principals[access.Audience]];
            var action = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>()!;
            var fields = FieldNames(action).ToList();
            var types = Fields(action).GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First().Type);
            var url = "/" + System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), "\\{([^}:?]+)[^}]*\\}", m => m.Groups[1].Value switch
            {
                "verb" => "approve",
                "clientId" => "pc_none",
                "date" => "2026-10-01",
                "id" when key.StartsWith("POST /institution/users", StringComparison.Ordinal) => "someone",
                _ => Guid.NewGuid().ToString(),
            });
            foreach (var field in fields)
            {
                foreach (var value in corpus)
                {
                    var response = await client.PostAsync(url, new Dictionary<string, string> { [field] = value }, token);
                    requests++;
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{key} {field}={(value.Length > 30 ? value[..30] + "…" : value)}: {(int)response.StatusCode}");
                    }
                }

                // The encodings that once got past a guard (issue 12): an enum's numbers and odd spellings,
                // a query-string copy instead of the form field, and the field repeated with two values.
                foreach (var (query, form) in Encodings(field, types[field], corpus[0]))
                {
                    var response = await client.PostAsync(url + query, form, token);
                    requests++;
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{key} {field} encoded as {query}{string.Join('&', form.Select(f => f.Key + "=" + f.Value))}: {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests}:\n" + string.Join("\n", failures.GroupBy(f => f[..f.IndexOf('=')]).Select(g => g.First() + $" (×{g.Count()})")));
        Assert.True(requests > 2000, requests.ToString());
    }

    [Fact]
    public async Task EveryPageWithQueryParameters_WithHostileValues_NeverAnswers5xx()
    {
        _ = factory.Server;
        var corpus = HostileInputTests.Corpus(40).Where(v => !v.Contains('\0')).ToList();
        var principals = new Dictionary<Audience, string>
        {
            [Audience.Anyone] = "", [Audience.SignedIn] = Demo.Manager, [Audience.Institution] = Demo.Manager, [Audience.InstitutionMember] = Demo.Manager,
            [Audience.InstitutionManager] = Demo.Manager, [Audience.Registry] = Demo.Registrar, [Audience.Supervisor] = Demo.Supervisor, [Audience.Administrator] = Demo.Admin,
        };
        var clients = new Dictionary<string, PortalClient>();
        foreach (var email in principals.Values.Distinct())
        {
            var client = factory.Client();
            if (email.Length > 0)
            {
                await client.LoginOkAsync(email);
            }

            clients[email] = client;
        }

        var failures = new List<string>();
        var requests = 0;
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true && e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null))
        {
            var key = "GET /" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var access = AccessMap.Endpoints[key];
            if (access.Audience == Audience.ApiClient || endpoint.RoutePattern.Parameters.Count > 0)
            {
                continue; // API: HostileInputTests; routes with parameters: the access matrix and the corpus
            }

            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var fields = FieldNames(endpoint.Metadata.GetMetadata<ControllerActionDescriptor>()!).Where(f => !routeNames.Contains(f)).ToList();
            var client = clients[principals[access.Audience]];
            foreach (var field in fields)
            {
                foreach (var value in corpus)
                {
                    var response = await client.GetAsync($"{key[4..]}?{Uri.EscapeDataString(field)}={Uri.EscapeDataString(value)}");
                    requests++;
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{key} {field}={(value.Length > 30 ? value[..30] + "…" : value)}: {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests}:\n" + string.Join("\n", failures.Take(30)));
        Assert.True(requests > 1000, requests.ToString());
    }

    /// <summary>Every way the model binder accepts a value besides the plain form field.</summary>
    public static IEnumerable<(string Query, List<KeyValuePair<string, string>> Form)> Encodings(string field, Type type, string hostile)
    {
        var values = new List<string> { "1", "true", hostile };
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            var numbers = Enum.GetValues(type).Cast<object>().Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            values = [.. numbers.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), (numbers.Max() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "-1",
                .. names.Select(n => n.ToLowerInvariant()), .. names.Select(n => n.ToUpperInvariant()), string.Join(", ", names), " " + names[^1] + " "];
        }

        foreach (var value in values)
        {
            yield return (string.Empty, [new(field, value)]);
            yield return ("?" + Uri.EscapeDataString(field) + "=" + Uri.EscapeDataString(value), []);
            yield return (string.Empty, [new(field, value), new(field, hostile)]);
            yield return (string.Empty, [new(field, hostile), new(field, value)]);
        }
    }

    /// <summary>The form names an action binds, with the type each binds to.</summary>
    public static IEnumerable<(string Name, Type Type)> Fields(ControllerActionDescriptor action)
    {
        foreach (var p in action.Parameters)
        {
            var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            if (type == typeof(CancellationToken) || typeof(IFormFile).IsAssignableFrom(type) || p.BindingInfo?.BindingSource?.Id == "Services")
            {
                continue;
            }

            if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(DateOnly) || type == typeof(decimal) || type == typeof(DateTime))
            {
                yield return (p.Name, type);
            }
            else
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(x => x.CanWrite))
                {
                    yield return (property.Name, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType);
                }
            }
        }
    }

    /// <summary>The form names an action binds: simple parameters by name, complex ones by their public properties.</summary>
    private static IEnumerable<string> FieldNames(ControllerActionDescriptor action)
    {
        foreach (var p in action.Parameters)
        {
            var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            if (type == typeof(CancellationToken) || typeof(IFormFile).IsAssignableFrom(type) || p.BindingInfo?.BindingSource?.Id == "Services")
            {
                continue;
            }

            if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(DateOnly) || type == typeof(decimal) || type == typeof(DateTime))
            {
                yield return p.Name;
            }
            else
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(x => x.CanWrite))
                {
                    yield return property.Name;
                }
            }
        }
    }
}
