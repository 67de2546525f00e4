package dev.gansvc.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** A labelled image upload small enough to train on in seconds. */
public final class SquareImages {

    private SquareImages() {}

    /** A zip of {@code n} 28x28 grey PNGs, a white square at the top (folder "top") or the bottom. */
    public static byte[] zip(int n) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < n; i++) {
                boolean top = i % 2 == 0;
                BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
                Graphics2D g = img.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(4 + i % 10, top ? 2 : 16, 10, 10);
                g.dispose();
                zip.putNextEntry(new ZipEntry((top ? "top/" : "bottom/") + i + ".png"));
                ImageIO.write(img, "png", zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
