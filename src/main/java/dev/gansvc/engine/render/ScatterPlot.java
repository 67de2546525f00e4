package dev.gansvc.engine.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Draws generated rows of numbers as a scatter plot of their first two features (the first
 * against zero when there is one): what a sample grid is for images, for 2D and tabular data.
 */
final class ScatterPlot {

    private static final int SIZE = 480;
    private static final int MARGIN = 28;

    private ScatterPlot() {}

    /** @param points [n, features] */
    static byte[] png(INDArray points) {
        float[] values = points.dup('c').data().asFloat();
        int n = (int) points.size(0);
        int features = (int) points.size(1);
        double range = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                range = Math.max(range, Math.abs(v));
            }
        }
        range = niceCeiling(range * 1.05);

        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIZE, SIZE);
        int plot = SIZE - 2 * MARGIN;
        g.setColor(new Color(0xDDDDDD));
        g.setStroke(new BasicStroke(1));
        g.drawRect(MARGIN, MARGIN, plot, plot);
        g.drawLine(MARGIN, SIZE / 2, SIZE - MARGIN, SIZE / 2);
        g.drawLine(SIZE / 2, MARGIN, SIZE / 2, SIZE - MARGIN);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        String label = String.format(Locale.ROOT, "%s", trim(range));
        g.drawString(label, SIZE - MARGIN - g.getFontMetrics().stringWidth(label), SIZE / 2 + 14);
        g.drawString(label, SIZE / 2 + 4, MARGIN + 12);
        g.drawString(n + " samples" + (features > 2 ? ", features 1 and 2 of " + features : ""), MARGIN, SIZE - 8);

        g.setColor(new Color(31, 119, 180, 140));
        double scale = plot / (2 * range);
        for (int i = 0; i < n; i++) {
            float x = values[i * features];
            float y = features > 1 ? values[i * features + 1] : 0f;
            if (Float.isFinite(x) && Float.isFinite(y)) {
                g.fillOval(
                        (int) Math.round(SIZE / 2.0 + x * scale) - 2,
                        (int) Math.round(SIZE / 2.0 - y * scale) - 2,
                        4,
                        4);
            }
        }
        g.dispose();

        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] bytes = new byte[rgb.length * 3];
        for (int i = 0; i < rgb.length; i++) {
            bytes[3 * i] = (byte) (rgb[i] >> 16);
            bytes[3 * i + 1] = (byte) (rgb[i] >> 8);
            bytes[3 * i + 2] = (byte) rgb[i];
        }
        return PngEncoder.encode(bytes, SIZE, SIZE, 3);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value} (and at least 1e-3). */
    private static double niceCeiling(double value) {
        double v = Math.max(value, 1e-3);
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= v) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
