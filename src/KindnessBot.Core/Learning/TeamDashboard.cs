using KindnessBot.Core.Commitments;

namespace KindnessBot.Core.Learning;

/// <summary>A figure for a period: its value, none yet (no value, not withheld), or withheld by the five-person rule.</summary>
public sealed record Reading(double? Value, bool Withheld)
{
    public static readonly Reading Hidden = new(null, true);
    public static readonly Reading None = new(null, false);

    public static Reading Of(long? total) => total is { } t ? new(t, false) : Hidden;
}

public enum FigureKind
{
    Count,

    /// <summary>An average of 1 to 5, to one decimal place.</summary>
    Average,

    /// <summary>A number of days.</summary>
    Days,

    /// <summary>Answers per prompt, to one decimal place.</summary>
    Rate,
}

/// <summary>One line of a section: its key (a metric, or a figure made from metrics), this period and the one before.</summary>
public sealed record DashboardFigure(string Key, FigureKind Kind, Reading Now, Reading Before);

public sealed record WeekPoint(string Week, Reading Value);

/// <summary>A commitment's figures and the week-by-week chart of one of them.</summary>
public sealed record DashboardSection(Commitment Commitment, IReadOnlyList<DashboardFigure> Figures, string ChartKey, FigureKind ChartKind, IReadOnlyList<WeekPoint> Chart)
{
    public DashboardFigure? Figure(string key) => Figures.FirstOrDefault(f => f.Key == key);
}

/// <summary>How a team is doing over <see cref="Period"/>, beside <see cref="Previous"/>; <see cref="TeamSize"/> is its size now, where known.</summary>
public sealed record TeamDashboard(string ScopeId, DashboardPeriod Period, DashboardPeriod Previous, int? TeamSize, IReadOnlyList<DashboardSection> Sections)
{
    public DashboardSection? Section(Commitment commitment) => Sections.FirstOrDefault(s => s.Commitment == commitment);

    /// <summary>Whether anything at all happened in either period.</summary>
    public bool IsEmpty => Sections.All(s => s.Figures.All(f => f.Now is { Value: null or 0, Withheld: false } && f.Before is { Value: null or 0, Withheld: false }));
}
