using System.ComponentModel.DataAnnotations;

namespace CityBridge.Web.Features.Account;

/// <summary>A new password, typed twice.</summary>
public sealed class PasswordInput
{
    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "Use at least 10 characters.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    [DataType(DataType.Password)]
    public string Confirm { get; set; } = string.Empty;
}
