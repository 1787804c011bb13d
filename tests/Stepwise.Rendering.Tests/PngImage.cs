using SkiaSharp;

namespace Stepwise.Rendering.Tests;

/// <summary>A decoded PNG for pixel checks.</summary>
internal sealed class PngImage
{
    private readonly SKBitmap _bitmap;

    public PngImage(byte[] png)
    {
        Assert.True(png.Length > 8 && png[0] == 0x89 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', "not a PNG");
        _bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("PNG could not be decoded");
    }

    public int Width => _bitmap.Width;

    public int Height => _bitmap.Height;

    public SKColor this[int x, int y] => _bitmap.GetPixel(x, y);

    /// <summary>Pixels in the rectangle darker than mid-grey.</summary>
    public int DarkPixels(int left, int top, int right, int bottom)
    {
        int count = 0;
        for (int y = Math.Max(0, top); y < Math.Min(Height, bottom); y++)
        {
            for (int x = Math.Max(0, left); x < Math.Min(Width, right); x++)
            {
                var c = _bitmap.GetPixel(x, y);
                if (c.Alpha > 128 && (c.Red + c.Green + c.Blue) / 3 < 128)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>How many pixels differ between two images of the same size.</summary>
    public static int Difference(PngImage a, PngImage b)
    {
        Assert.Equal(a.Width, b.Width);
        Assert.Equal(a.Height, b.Height);
        int count = 0;
        for (int y = 0; y < a.Height; y++)
        {
            for (int x = 0; x < a.Width; x++)
            {
                if (a[x, y] != b[x, y])
                {
                    count++;
                }
            }
        }

        return count;
    }
}
