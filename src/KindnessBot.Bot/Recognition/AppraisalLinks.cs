using System.Globalization;
using KindnessBot.Bot.Http;
using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Recognition;

/// <summary>
/// Short-lived, signed links to a person's appraisal summary file. A link is made only in that person's own chat
/// and names them inside its signed part, so nobody else's summary can be reached by changing it.
/// </summary>
public sealed class AppraisalLinks(SignedLinks links, IOptions<AppraisalOptions> options)
{
    private const string Purpose = "appraisal-summary";

    public Uri Create(string tenantId, string userId, int months) =>
        links.Link("appraisal-summary", Purpose, [tenantId, userId, months.ToString(CultureInfo.InvariantCulture)], options.Value.LinkLifetime);

    /// <summary>The grant a token carries; null when it is forged, altered, malformed or expired.</summary>
    public AppraisalGrant? Read(string? token) =>
        links.Read(token, Purpose).Fields is [var tenantId, var userId, var months] && int.TryParse(months, NumberStyles.None, CultureInfo.InvariantCulture, out var period)
            ? new AppraisalGrant(tenantId, userId, period)
            : null;
}
