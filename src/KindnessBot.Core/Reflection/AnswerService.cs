namespace KindnessBot.Core.Reflection;

/// <summary>What became of an answer submit. Everything but Saved and Updated stored nothing.</summary>
public enum AnswerResult
{
    Saved,
    Updated,
    UnknownPrompt,
    NotThisTeam,
    Closed,
    Empty,
    TooLong,
    WellbeingOutOfRange,
}

/// <summary>
/// A member's answer as it came from the prompt card: nothing here is trusted yet. <paramref name="TeamId"/> is the
/// team the card was submitted in (from the activity); <paramref name="PromptTeamId"/> and <paramref name="Week"/>
/// name the prompt (from the card's data).
/// </summary>
public sealed record AnswerSubmit(string TenantId, string TeamId, string PromptTeamId, string Week, string UserId, string? UserName, string? Text, int? Wellbeing, bool Anonymous);

/// <summary>
/// Accepts answers only for a prompt that was sent to the submitter's team and is still open, with a short text
/// and a wellbeing score of 1 to 5 or none.
/// </summary>
public sealed class AnswerService(SlotStore slots, AnswerStore answers, TimeProvider time)
{
    public const int MaxTextLength = 1000;

    public async Task<AnswerResult> SubmitAsync(AnswerSubmit submit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submit);
        var text = submit.Text?.Trim() ?? "";
        if (text.Length == 0 && submit.Wellbeing is null)
        {
            return AnswerResult.Empty;
        }

        if (text.Length > MaxTextLength)
        {
            return AnswerResult.TooLong;
        }

        if (submit.Wellbeing is < 1 or > 5)
        {
            return AnswerResult.WellbeingOutOfRange;
        }

        if (string.IsNullOrEmpty(submit.TenantId) || string.IsNullOrEmpty(submit.PromptTeamId) || string.IsNullOrEmpty(submit.Week) || string.IsNullOrEmpty(submit.UserId)
            || submit.Week.Length > 8 || submit.PromptTeamId.Length > 200)
        {
            return AnswerResult.UnknownPrompt;
        }

        if (submit.PromptTeamId != submit.TeamId)
        {
            return AnswerResult.NotThisTeam;
        }

        var slot = await slots.FindAsync(submit.TenantId, submit.PromptTeamId, submit.Week, cancellationToken);
        if (slot is null || slot.ActivityId is null)
        {
            return AnswerResult.UnknownPrompt;
        }

        var now = time.GetUtcNow();
        if (now >= slot.Prompt.ClosesAt)
        {
            return AnswerResult.Closed;
        }

        var replaced = await answers.SaveAsync(submit.TenantId, new PromptId(submit.TeamId, submit.Week), submit.UserId, submit.UserName, text, submit.Wellbeing, submit.Anonymous, now, cancellationToken);
        return replaced ? AnswerResult.Updated : AnswerResult.Saved;
    }
}
