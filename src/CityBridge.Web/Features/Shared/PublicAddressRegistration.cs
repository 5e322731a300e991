using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace CityBridge.Web.Features.Shared;

/// <summary>
/// How the app is reached: its public address, the host names it answers to (<c>AllowedHosts</c>) and the proxies whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers it believes (<c>ForwardedHeaders</c>). See docs/security.md.
/// </summary>
public static class PublicAddressRegistration
{
    public const string ProxySection = "ForwardedHeaders";

    public static IServiceCollection AddCityBridgePublicAddress(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PublicUrls>();

        // Without an explicit AllowedHosts, only the public address's host is served (any host in Development and tests
        // that have no public address); the framework's own default would otherwise be "*".
        services.Configure<HostFilteringOptions>(o =>
        {
            if (!string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
            {
                return;
            }

            if (PublicUrls.Configured(configuration) is { } publicUrl)
            {
                o.AllowedHosts = [publicUrl.Host];
            }
        });

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Forwarded headers are believed only from the proxies named in configuration; by default from nobody.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in Values(configuration, $"{ProxySection}:KnownProxies"))
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{ProxySection}:KnownProxies: '{proxy}' is not an IP address."));
            }

            foreach (var network in Values(configuration, $"{ProxySection}:KnownNetworks"))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{ProxySection}:KnownNetworks: '{network}' is not a network such as 10.0.0.0/8."));
            }

            o.ForwardLimit = configuration.GetValue($"{ProxySection}:ForwardLimit", 1);
        });
        return services;
    }

    /// <summary>Replaces the connection's client address and scheme with the forwarded ones, when a known proxy sent them.</summary>
    public static IApplicationBuilder UseCityBridgeForwardedHeaders(this IApplicationBuilder app) => app.UseForwardedHeaders();

    /// <summary>A list setting given either as an array (<c>KnownProxies:0</c>, ...) or as one text separated by ';' or ','.</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var items = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return items.SelectMany(v => (v ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
