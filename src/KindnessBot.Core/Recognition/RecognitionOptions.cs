namespace KindnessBot.Core.Recognition;

public sealed class RecognitionOptions
{
    public const string Section = "Recognition";

    /// <summary>How many recognitions one person may give in a day (UTC).</summary>
    public int DailyLimit { get; set; } = 10;

    public const int MaxTextLength = 1000;

    /// <summary>How far back "my kindness" looks.</summary>
    public const int LookBackLimit = 500;
}
