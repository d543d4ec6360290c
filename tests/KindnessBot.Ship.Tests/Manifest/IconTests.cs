using KindnessBot.Ship.Tests.Support;

namespace KindnessBot.Ship.Tests.Manifest;

/// <summary>What Teams asks of app icons, checked on the committed PNGs.</summary>
public sealed class IconTests
{
    [Fact]
    public void Colour_icon_is_192_by_192()
    {
        var icon = Png.Read(Path.Combine(Repo.ManifestDir, "color.png"));

        Assert.Equal((192, 192), (icon.Width, icon.Height));
    }

    [Fact]
    public void Outline_icon_is_32_by_32_and_white_on_transparent()
    {
        var icon = Png.Read(Path.Combine(Repo.ManifestDir, "outline.png"));

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.True(icon.HasAlphaChannel);
        var pixels = Enumerable.Range(0, 32 * 32).Select(i => icon.Pixel(i % 32, i / 32)).ToList();
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Contains(pixels, p => p.A == 255);
        Assert.Contains(pixels, p => p.A == 0);
    }

    [Fact]
    public void Outline_icon_symbol_stays_inside_a_small_margin()
    {
        // Teams crops nothing, but a symbol touching the edge looks cramped in the app bar.
        var icon = Png.Read(Path.Combine(Repo.ManifestDir, "outline.png"));

        for (var i = 0; i < 32; i++)
        {
            Assert.Equal(0, icon.Pixel(i, 0).A);
            Assert.Equal(0, icon.Pixel(i, 31).A);
            Assert.Equal(0, icon.Pixel(0, i).A);
            Assert.Equal(0, icon.Pixel(31, i).A);
        }
    }

    [Fact]
    public async Task Committed_icons_are_the_ones_make_icons_draws()
    {
        using var temp = new TempDir();

        var run = await Run.NodeAsync(Path.Combine(Repo.ManifestDir, "make-icons.js"), [temp.Path]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.ManifestDir, "color.png")), File.ReadAllBytes(temp["color.png"]));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.ManifestDir, "outline.png")), File.ReadAllBytes(temp["outline.png"]));
    }
}
