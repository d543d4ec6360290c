using System.Globalization;
using System.Text.Json;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.PersonalData;

namespace KindnessBot.Bot.PersonalData;

/// <summary>A person's data as a JSON file: who and when, the note about anonymous reflections, then every section as stored.</summary>
internal static class PersonalDataFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static byte[] Write(PersonalDataExport export, CultureInfo culture)
    {
        var file = new Dictionary<string, object?>
        {
            ["about"] = Localisation.Text(nameof(PersonalDataText.DataFileAbout), culture),
            ["anonymousReflections"] = Localisation.Text(nameof(PersonalDataText.DataAnonymousNote), culture),
            ["tenantId"] = export.TenantId,
            ["person"] = new Dictionary<string, string> { ["id"] = export.Person.TeamsId, ["name"] = export.Person.Name },
            ["exportedAt"] = export.At,
            ["sections"] = export.Sections.ToDictionary(s => s.Name, s => s.Items, StringComparer.Ordinal),
        };
        return JsonSerializer.SerializeToUtf8Bytes(file, Json);
    }
}
