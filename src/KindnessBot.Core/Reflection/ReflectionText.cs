using System.Globalization;
using System.Resources;

namespace KindnessBot.Core.Reflection;

/// <summary>The engine's texts that people read (ReflectionText.resx, en-GB).</summary>
public static class ReflectionText
{
    private static readonly ResourceManager Resources = new("KindnessBot.Core.Reflection.ReflectionText", typeof(ReflectionText).Assembly);

    public static string Explain(ScheduleProblem problem) =>
        Resources.GetString(problem.ToString(), CultureInfo.InvariantCulture) ?? throw new InvalidOperationException("No text for " + problem);
}
