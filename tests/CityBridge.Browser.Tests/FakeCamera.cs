using System.Text;
using Microsoft.Playwright;

namespace CityBridge.Browser.Tests;

/// <summary>
/// A camera for Chromium that films one picture: a page's image photographed onto a white 640×480 frame, written as a
/// Y4M video that Chromium's fake capture device plays in a loop.
/// </summary>
public sealed class FakeCamera : IAsyncDisposable
{
    public const int Width = 640;
    public const int Height = 480;

    // A 4:3 frame has the image in the middle at 60% of its height, so a phone-width viewfinder's scan box holds all of it.
    private const string Photograph = """
        async (img, frame) => {
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = frame.width;
          canvas.height = frame.height;
          const g = canvas.getContext('2d');
          g.fillStyle = '#fff';
          g.fillRect(0, 0, frame.width, frame.height);
          const side = Math.round(frame.height * 0.6);
          g.drawImage(img, (frame.width - side) / 2, (frame.height - side) / 2, side, side);
          const rgba = g.getImageData(0, 0, frame.width, frame.height).data;
          let luma = '';
          for (let i = 0; i < rgba.length; i += 4) {
            luma += String.fromCharCode(Math.round(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]));
          }
          return btoa(luma);
        }
        """;

    private FakeCamera(string videoPath) => VideoPath = videoPath;

    /// <summary>The Y4M file; removed with the camera.</summary>
    public string VideoPath { get; }

    /// <summary>Chromium switches that make this video the only camera (permission is still the context's to grant).</summary>
    public string[] Switches => ["--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={VideoPath}"];

    /// <summary>A camera filming <paramref name="image"/> (an <c>img</c> as the page shows it, e.g. an SVG QR code).</summary>
    public static async Task<FakeCamera> FilmingAsync(ILocator image)
    {
        var luma = Convert.FromBase64String(await image.EvaluateAsync<string>(Photograph, new { width = Width, height = Height }));
        var path = Path.Combine(Path.GetTempPath(), $"citybridge-camera-{Guid.NewGuid():N}.y4m");
        await File.WriteAllBytesAsync(path, Video(luma, frames: 3));
        return new FakeCamera(path);
    }

    /// <summary>
    /// A YUV4MPEG2 video of identical 4:2:0 frames: each a luma plane, then the two chroma planes at a quarter of its size,
    /// grey (128) so the picture is black and white.
    /// </summary>
    private static byte[] Video(byte[] luma, int frames)
    {
        var chroma = new byte[Width / 2 * (Height / 2) * 2];
        Array.Fill(chroma, (byte)128);
        using var video = new MemoryStream();
        video.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F10:1 Ip A1:1 C420jpeg\n"));
        for (var i = 0; i < frames; i++)
        {
            video.Write("FRAME\n"u8);
            video.Write(luma);
            video.Write(chroma);
        }

        return video.ToArray();
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(VideoPath);
        return ValueTask.CompletedTask;
    }
}
