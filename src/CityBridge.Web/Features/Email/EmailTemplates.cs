namespace CityBridge.Web.Features.Email;

/// <summary>
/// The names of the account and intake e-mail templates in <c>Features/Email/EmailTemplates</c>; like every feature's
/// templates they are rendered by <see cref="TextTemplate"/>.
/// </summary>
public static class EmailTemplates
{
    public const string InterestReceived = "interest-received";
    public const string Invitation = "invitation";
    public const string PasswordReset = "password-reset";

    public static IReadOnlyList<string> All { get; } = [InterestReceived, Invitation, PasswordReset];
}
