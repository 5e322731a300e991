using System.Globalization;
using System.Net.Http.Json;
using CityBridge.Testing;
using CityBridge.Web.Features.Contacts;
using CityBridge.Web.Features.Email;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class PrivacyTests(AppFixture apps)
{
    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Staff_export_a_contacts_data_and_erase_it_everywhere_keeping_the_counts(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        await using var db = app.NewDb();
        var organizationId = await db.Organizations.Where(o => o.Name == "GridWise Energy").Select(o => o.Id).SingleAsync();
        var email = $"{Guid.NewGuid():N}@person.example";
        var created = await app.Staff.PostAsJsonAsync("/api/contacts", new ContactInput { OrganizationId = organizationId, FullName = "Pat Private", Email = email, Phone = "+1 555 0100", Consented = true }, AppFixture.Json);
        var contact = (await created.Content.ReadFromJsonAsync<ContactDto>(AppFixture.Json))!;
        var edit = ContactInput.From(contact);
        edit.JobTitle = "Chief Engineer";
        await app.Staff.PutAsJsonAsync($"/api/contacts/{contact.Id}", edit, AppFixture.Json);
        var contactsBefore = await db.Contacts.CountAsync();
        // A meeting notice to them, with its calendar file naming them.
        var notice = db.Enqueue(email, "Changed: your meeting", "Hello Pat Private", TimeProvider.System);
        notice.Calendar = "BEGIN:VCALENDAR\r\nSUMMARY:Meeting with Pat Private\r\nEND:VCALENDAR\r\n";
        await db.SaveChangesAsync();

        var export = await app.Staff.GetStringAsync($"/Contacts/Privacy/{contact.Id}?handler=Export");
        var page = await app.Staff.GetStringAsync($"/Contacts/Privacy/{contact.Id}");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var erase = await app.Staff.PostAsync($"/Contacts/Privacy/{contact.Id}?handler=Erase", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.True(erase.IsSuccessStatusCode);
        Assert.Equal("/Contacts", erase.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(email, export);
        Assert.Contains("Chief Engineer", export);
        await using var check = app.NewDb();
        var erased = await check.Contacts.SingleAsync(c => c.Id == contact.Id);
        Assert.Equal(ContactPrivacy.ErasedName, erased.FullName);
        Assert.DoesNotContain("person.example", erased.Email);
        Assert.Null(erased.Phone);
        Assert.Null(erased.ConsentText);
        Assert.Equal(contactsBefore, await check.Contacts.CountAsync());
        var mail = await check.Outbox.SingleAsync(m => m.Id == notice.Id);
        Assert.Equal((ContactPrivacy.ErasedText, null), (mail.Body, mail.Calendar));
        var trail = await check.AuditLog.Where(a => a.EntityType == "Contact" && a.EntityId == contact.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync();
        Assert.Contains(trail, a => a.Action == "Erased");
        Assert.All(trail, a => Assert.False((a.Before ?? string.Empty).Contains("Pat Private") || (a.After ?? string.Empty).Contains("Pat Private") || (a.After ?? string.Empty).Contains(email)));
    }
}
