using System.Net;
using System.Text.RegularExpressions;

namespace CityBridge.Web.Tests;

/// <summary>Posts a Razor form the way a browser does: with the page's antiforgery token and cookies.</summary>
public sealed partial class FormPost : IDisposable
{
    private readonly HttpClient _client;

    public FormPost(Uri baseAddress)
    {
        _client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = baseAddress };
    }

    public async Task<(HttpResponseMessage Response, string Html)> SubmitAsync(string path, IDictionary<string, string> fields)
    {
        var form = await _client.GetStringAsync(path);
        var token = TokenPattern().Match(form).Groups[1].Value;
        var content = new FormUrlEncodedContent(fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token)));
        var response = await _client.PostAsync(path, content);
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Posts to <paramref name="action"/> as <paramref name="client"/>, with the form token of page <paramref name="formPage"/>.</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> AsAsync(HttpClient client, string formPage, string action, IDictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(formPage);
        var token = TokenPattern().Match(form).Groups[1].Value;
        var response = await client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token))));
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
