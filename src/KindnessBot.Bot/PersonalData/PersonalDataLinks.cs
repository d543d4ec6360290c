using KindnessBot.Bot.Http;

namespace KindnessBot.Bot.PersonalData;

/// <summary>
/// The signed tokens of this feature: the link to a person's data file, and the confirmation the erase card carries.
/// Both name the tenant and the person inside the signed part and last <see cref="Lifetime"/>; each is good only for
/// its own purpose.
/// </summary>
internal sealed class PersonalDataLinks(SignedLinks links)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private const string Download = "my-data";
    private const string Confirm = "erase-confirmation";

    public Uri DownloadLink(string tenantId, string userId, string name) => links.Link("my-data", Download, [tenantId, userId, name.ReplaceLineEndings(" ")], Lifetime);

    public SignedToken ReadDownload(string? token) => links.Read(token, Download);

    public string Confirmation(string tenantId, string userId) => links.Sign(Confirm, [tenantId, userId], Lifetime);

    public SignedToken ReadConfirmation(string? token) => links.Read(token, Confirm);
}
