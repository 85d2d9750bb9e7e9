import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws Descent's icon (a loss curve on a blue tile, an optimizer's steps running down it to the minimum) and writes
 * every file that uses it: the window's PNGs (src/main/resources/icons/descent-SIZE.png) and the app image's icons
 * (src/main/packaging/descent.png, .ico for Windows, .icns for macOS). Run once from the project folder when the
 * design changes, and commit the outputs:
 *
 * <pre>java tools/icon/MakeIcons.java</pre>
 */
public final class MakeIcons {
    static final int[] WINDOW_SIZES = {16, 24, 32, 48, 64, 128, 256};

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Path icons = root.resolve("src/main/resources/icons");
        Files.createDirectories(icons);
        for (int size : WINDOW_SIZES) {
            Files.write(icons.resolve("descent-" + size + ".png"), png(draw(size)));
        }
        Path packaging = root.resolve("src/main/packaging");
        Files.write(packaging.resolve("descent.png"), png(draw(256)));
        Files.write(packaging.resolve("descent.ico"), ico(new int[] {16, 24, 32, 48, 64, 128, 256}));
        Files.write(packaging.resolve("descent.icns"), icns());
    }

    /** The icon at one size, drawn for that size (thicker strokes when small) rather than scaled down. */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        boolean small = size <= 32;
        double inset = small ? 2 : 6;
        g.setPaint(new GradientPaint(0, 0, new Color(0x1b2a6b), 0, 256, new Color(0x2f56a8)));
        RoundRectangle2D tile = new RoundRectangle2D.Double(inset, inset, 256 - 2 * inset, 256 - 2 * inset, 56, 56);
        g.fill(tile);
        g.clip(tile);
        // the loss: a parabola-like valley, its minimum right of centre
        Path2D curve = new Path2D.Double();
        for (int i = 0; i <= 64; i++) {
            double x = 14 + i * (228.0 / 64);
            double y = y(x);
            if (i == 0) {
                curve.moveTo(x, y);
            } else {
                curve.lineTo(x, y);
            }
        }
        g.setColor(new Color(0xeef3ff));
        g.setStroke(new BasicStroke(small ? 26f : 16f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(curve);
        // the optimizer's steps: shrinking as the gradient flattens, the last one at the minimum
        double[] steps = small ? new double[] {46, 152} : new double[] {40, 80, 112, 136, 150};
        for (int i = 0; i < steps.length; i++) {
            double x = steps[i];
            double r = i == steps.length - 1 ? (small ? 30 : 15) : (small ? 22 : 11);
            g.setColor(i == steps.length - 1 ? new Color(0xffd33d) : new Color(0xff9f1c));
            g.fill(new Ellipse2D.Double(x - r, y(x) - r, 2 * r, 2 * r));
        }
        g.dispose();
        return img;
    }

    private static double y(double x) {
        double t = (x - 152) / 140;
        return 186 - 190 * t * t + (x > 152 ? 40 * t * t : 0);
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** Windows .ico with PNG-compressed entries (Vista and later read them). */
    static byte[] ico(int[] sizes) throws IOException {
        Map<Integer, byte[]> images = new LinkedHashMap<>();
        for (int s : sizes) {
            images.put(s, png(draw(s)));
        }
        int offset = 6 + 16 * sizes.length;
        ByteBuffer header = ByteBuffer.allocate(offset).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (var e : images.entrySet()) {
            int s = e.getKey();
            header.put((byte) (s >= 256 ? 0 : s)).put((byte) (s >= 256 ? 0 : s)).put((byte) 0).put((byte) 0);
            header.putShort((short) 1).putShort((short) 32).putInt(e.getValue().length).putInt(offset);
            offset += e.getValue().length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.array());
        for (byte[] b : images.values()) {
            out.write(b);
        }
        return out.toByteArray();
    }

    /** macOS .icns with PNG entries: ic07 (128), ic08 (256), ic09 (512), ic10 (1024, the 512@2x). */
    static byte[] icns() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ic07", png(draw(128)));
        entries.put("ic08", png(draw(256)));
        entries.put("ic09", png(draw(512)));
        entries.put("ic10", png(draw(1024)));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        for (var e : entries.entrySet()) {
            d.writeBytes(e.getKey());
            d.writeInt(8 + e.getValue().length);
            d.write(e.getValue());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(out);
        o.writeBytes("icns");
        o.writeInt(8 + body.size());
        o.write(body.toByteArray());
        return out.toByteArray();
    }
}
