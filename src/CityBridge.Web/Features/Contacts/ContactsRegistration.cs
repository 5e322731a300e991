using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Contacts;

/// <summary>The contacts feature's services and endpoints; who may use its pages is declared on the page models.</summary>
public static class ContactsRegistration
{
    public static IServiceCollection AddContactsFeature(this IServiceCollection services)
    {
        services.AddScoped<ContactPrivacy>();
        return services;
    }

    public static IEndpointRouteBuilder MapContactsFeature(this IEndpointRouteBuilder app)
    {
        app.MapRecordApi(ContactDefinition.Instance);
        return app;
    }
}
