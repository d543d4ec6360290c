using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using KindnessBot.Bot.Cards;

namespace KindnessBot.Bot.Recognition;

/// <summary>What a download link grants: one person's own summary, for a period, until it expires.</summary>
public sealed record AppraisalGrant(string TenantId, string UserId, int Months, DateTimeOffset Expires);
