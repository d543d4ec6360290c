using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace KindnessBot.Ship.Tests.Support;

/// <summary>
/// A PNG read back as RGBA, written here rather than borrowed from pngjs (which manifest/ uses) so the icon checks
/// do not depend on the code that made the icons. Handles 8-bit greyscale, RGB and their alpha forms, every row
/// filter.
/// </summary>
internal sealed record Png(int Width, int Height, bool HasAlphaChannel, byte[] Rgba)
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var i = ((y * Width) + x) * 4;
        return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
    }

    public static Png Read(string path) => Decode(File.ReadAllBytes(path));

    public static Png Decode(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith(Signature), "not a PNG file");
        int width = 0, height = 0, bitDepth = 0, colourType = 0, interlace = 0;
        using var compressed = new MemoryStream();
        for (var offset = Signature.Length; offset + 8 <= bytes.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset));
            var type = Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                    height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                    (bitDepth, colourType, interlace) = (data[8], data[9], data[12]);
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
            }

            if (type == "IEND")
            {
                break;
            }

            offset += 12 + length;
        }

        var channels = colourType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
        Assert.True(bitDepth == 8 && channels > 0 && interlace == 0, $"unsupported PNG: bit depth {bitDepth}, colour type {colourType}, interlace {interlace}");

        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var pixels = Unfilter(inflated.ToArray(), width, height, channels);
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            var p = pixels.AsSpan(i * channels, channels);
            (rgba[i * 4], rgba[(i * 4) + 1], rgba[(i * 4) + 2], rgba[(i * 4) + 3]) = channels switch
            {
                1 => (p[0], p[0], p[0], (byte)255),
                2 => (p[0], p[0], p[0], p[1]),
                3 => (p[0], p[1], p[2], (byte)255),
                _ => (p[0], p[1], p[2], p[3]),
            };
        }

        return new Png(width, height, colourType is 4 or 6, rgba);
    }

    private static byte[] Unfilter(byte[] data, int width, int height, int channels)
    {
        var stride = width * channels;
        Assert.True(data.Length >= height * (stride + 1), "the PNG has less image data than its size needs");
        var output = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                int a = x >= channels ? output[(y * stride) + x - channels] : 0;
                int b = y > 0 ? output[((y - 1) * stride) + x] : 0;
                int c = x >= channels && y > 0 ? output[((y - 1) * stride) + x - channels] : 0;
                var predicted = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"unknown PNG row filter {filter}"),
                };
                output[(y * stride) + x] = (byte)(data[(y * (stride + 1)) + 1 + x] + predicted);
            }
        }

        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
