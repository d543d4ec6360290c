using System.Reflection;
using System.Text.RegularExpressions;
using KindnessBot.Ship.Tests.Support;

namespace KindnessBot.Ship.Tests.Architecture;

/// <summary>
/// A feature lives in its own rooms: in Core and in the bot, a feature's folder uses the shared rooms and no other
/// feature. Every top-level folder that is not a shared room is a feature, so a new one is checked without being named.
/// </summary>
public sealed partial class FeatureBoundaryTests
{
    private static readonly string[] CoreSharedRooms = ["Audit", "Commitments", "Conversations", "Delivery", "Measures", "People", "PersonalData", "Privacy", "Retention", "Roles", "Storage", "bin", "obj"];
    private static readonly string[] BotSharedRooms = ["Cards", "Conversations", "Delivery", "Dialogs", "Extensions", "Hosting", "Http", "People", "Properties", "Resources", "Routing", "Pages", "bin", "obj"];

    public static TheoryData<string, string> Features()
    {
        var data = new TheoryData<string, string>();
        foreach (var (project, shared) in new[] { ("KindnessBot.Core", CoreSharedRooms), ("KindnessBot.Bot", BotSharedRooms) })
        {
            foreach (var feature in FeatureFolders(project, shared))
            {
                data.Add(project, feature);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void A_features_source_names_no_other_feature(string project, string feature)
    {
        var others = FeatureFolders("KindnessBot.Core", CoreSharedRooms).Concat(FeatureFolders("KindnessBot.Bot", BotSharedRooms)).Where(f => f != feature && !CoreSharedRooms.Contains(f)).Distinct().ToList();
        var offences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "src", project, feature), "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            offences.AddRange(others
                .Where(other => Regex.IsMatch(text, $@"KindnessBot\.(Core|Bot)\.{other}\b"))
                .Select(other => $"{Path.GetRelativePath(Repo.Root, file)} uses {other}"));
        }

        Assert.True(offences.Count == 0, string.Join("\n", offences));
    }

    [Fact]
    public void Core_types_of_a_feature_touch_no_other_features_types()
    {
        var core = typeof(Core.Storage.StorageAccount).Assembly;
        var offences = new List<string>();
        foreach (var type in core.GetTypes().Where(t => FeatureOf(t) is not null))
        {
            foreach (var used in UsedTypes(type).Where(u => u.Assembly == core && FeatureOf(u) is { } other && other != FeatureOf(type)))
            {
                offences.Add($"{type.FullName} uses {used.FullName}");
            }
        }

        Assert.True(offences.Count == 0, string.Join("\n", offences.Distinct()));
    }

    [Fact]
    public void The_checks_find_the_features_there_are()
    {
        Assert.Superset(new HashSet<string>(["Permissions", "Recognition", "Reflection"]), FeatureFolders("KindnessBot.Core", CoreSharedRooms).ToHashSet());
        Assert.Superset(new HashSet<string>(["Help", "Permissions", "Recognition", "Reflection"]), FeatureFolders("KindnessBot.Bot", BotSharedRooms).ToHashSet());
    }

    private static List<string> FeatureFolders(string project, string[] shared) =>
        [.. Directory.EnumerateDirectories(Path.Combine(Repo.Root, "src", project)).Select(d => Path.GetFileName(d)!).Where(d => !shared.Contains(d)).Order(StringComparer.Ordinal)];

    private static string? FeatureOf(Type type)
    {
        var parts = (type.Namespace ?? string.Empty).Split('.');
        return parts.Length >= 3 && parts[1] == "Core" && !CoreSharedRooms.Contains(parts[2]) ? parts[2] : null;
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        IEnumerable<Type> found = [.. type.GetInterfaces(), .. type.BaseType is { } b ? [b] : Array.Empty<Type>()];
        found = found.Concat(type.GetFields(all).Select(f => f.FieldType));
        found = found.Concat(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            found = found.Concat(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                found = found.Append(info.ReturnType);
            }
        }

        return found.SelectMany(Unwrap);
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            return Unwrap(type.GetElementType()!);
        }

        return type.IsGenericType ? [type, .. type.GetGenericArguments().SelectMany(Unwrap)] : [type];
    }
}
