using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CityBridge.Web.Features.Account;

/// <summary>Links with Identity tokens for e-mails: the token travels base64url-encoded.</summary>
public static class AccountLinks
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
