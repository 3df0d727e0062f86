using Microsoft.Playwright;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Occupancy.EndToEnd.Tests;

/// <summary>
/// Reads a QR code the way a door's scanner module would: from pixels, not from the page's markup. The page's own SVG
/// is drawn onto a canvas in the browser and the grey levels are decoded with ZXing, so a QR code that a real scanner
/// could not read fails the test.
/// </summary>
internal static class ScreenQrCode
{
    /// <summary>The text encoded by the QR code drawn by <paramref name="svgMarkup"/> (a standalone SVG document).</summary>
    public static async Task<string> DecodeAsync(IPage page, string svgMarkup)
    {
        var image = await page.EvaluateAsync<System.Text.Json.JsonElement>(
            """
            async (markup) => {
              const picture = new Image();
              picture.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(markup);
              await picture.decode();
              // About what a scanner's camera resolves from a phone held to it: a few pixels per module.
              const side = 320;
              const canvas = document.createElement('canvas');
              canvas.width = side;
              canvas.height = side;
              const context = canvas.getContext('2d');
              context.fillStyle = '#fff';
              context.fillRect(0, 0, side, side);
              context.drawImage(picture, 0, 0, side, side);
              const rgba = context.getImageData(0, 0, side, side).data;
              let grey = '';
              for (let i = 0; i < rgba.length; i += 4) {
                grey += String.fromCharCode(Math.round(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]));
              }
              return { width: side, height: side, base64: btoa(grey) };
            }
            """,
            svgMarkup);

        var source = new RGBLuminanceSource(
            image.GetProperty("base64").GetBytesFromBase64(),
            image.GetProperty("width").GetInt32(),
            image.GetProperty("height").GetInt32(),
            RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        return result?.Text ?? throw new InvalidOperationException("No QR code could be read from the page's picture.");
    }
}
