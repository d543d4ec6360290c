namespace KindnessBot.Core.Reflection;

/// <summary>
/// Accepts answers only for a prompt that was sent to the submitter's team and is still open, with a short text
/// and a wellbeing score of 1 to 5 or none.
/// </summary>
public sealed class AnswerService(SlotStore slots, AnswerStore answers, TimeProvider time)
{
    public const int MaxTextLength = 1000;

    /// <summary>How often one person may change their answer to one prompt: enough to correct it, not to flood the card.</summary>
    public const int MaxChanges = 10;

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

        return await answers.SaveAsync(submit.TenantId, new PromptId(submit.TeamId, submit.Week), submit.UserId, submit.UserName, text, submit.Wellbeing, submit.Anonymous, now, MaxChanges, cancellationToken) switch
        {
            AnswerWrite.Added => AnswerResult.Saved,
            AnswerWrite.Replaced => AnswerResult.Updated,
            _ => AnswerResult.TooManyChanges,
        };
    }
}
