using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CityBridge.Web.Features.Shared;

/// <summary>
/// The app's public address (<c>CityBridge:PublicUrl</c>) and the absolute links built on it. Every absolute link the app
/// writes (e-mails, OCDS packages, calendar files) comes from here, never from the request's Host header.
/// </summary>
public sealed class PublicUrls(IConfiguration configuration, IServer server)
{
    public const string SettingName = "CityBridge:PublicUrl";

    /// <summary>Where a development or test instance without the setting is reached, when the server reports no address.</summary>
    public static readonly Uri LocalDefault = new("http://127.0.0.1:5080/");

    private Uri? _root;

    /// <summary>The configured address; without one (Development, tests), the address the app listens on.</summary>
    public Uri Root => _root ?? (_root = Configured(configuration) ?? ListeningAddress()) ?? LocalDefault;

    /// <summary>An absolute link to <paramref name="pathAndQuery"/> (starting with "/") on the public address.</summary>
    public string Absolute(string pathAndQuery) => new Uri(Root, pathAndQuery.TrimStart('/')).ToString();

    /// <summary>The setting as an absolute http(s) address ending in "/", or null when it is not set.</summary>
    public static Uri? Configured(IConfiguration configuration)
    {
        var text = configuration[SettingName];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{SettingName} '{text}' is not an absolute http or https address such as https://citybridge.example.org.");
        }

        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
    }

    /// <summary>Start-up check: outside Development and the test environments the public address must be configured.</summary>
    public static void Require(IConfiguration configuration, IHostEnvironment environment)
    {
        if (Configured(configuration) is null && !environment.IsDevelopment() && !environment.IsEnvironment("Testing") && !environment.IsEnvironment("Demo"))
        {
            throw new InvalidOperationException(
                $"{SettingName} is not set. Links in e-mails, calendar files and open-contracting packages are built on it, never on the " +
                "address a request names; set it to the address people reach the app at (environment CityBridge__PublicUrl=https://citybridge.example.org).");
        }
    }

    private Uri? ListeningAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Port == 0)
        {
            return null;
        }

        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }
}
