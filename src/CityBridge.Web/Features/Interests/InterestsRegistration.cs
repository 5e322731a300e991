using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Interests;

/// <summary>The interest feature's services; who may use its pages is declared on the page models.</summary>
public static class InterestsRegistration
{
    public static IServiceCollection AddInterestsFeature(this IServiceCollection services)
    {
        services.AddScoped<InterestIntake>();
        // The public form keeps both addresses it had in its own folder: /Interest (its @page) and /Interest/Index.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Interests/Register", "Interest/Index"));
        return services;
    }
}
