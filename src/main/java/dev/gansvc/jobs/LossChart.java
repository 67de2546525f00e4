package dev.gansvc.jobs;

import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.engine.model.LossSeries;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * Renders a loss curve as a PNG: the model's losses on the top panel and, for models that
 * record probabilities (a GAN's D(x) and D(G(z))), those on a [0, 1] panel below. Values
 * recorded only now and then (validation loss per epoch) are joined between their points.
 */
final class LossChart {

    private static final int WIDTH = 800;
    private static final int PANEL = 220;
    private static final int MARGIN = 50;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4),
        new Color(0xd62728),
        new Color(0x2ca02c),
        new Color(0x9467bd),
        new Color(0xff7f0e),
        new Color(0x8c564b)
    };

    private LossChart() {}

    static byte[] png(String title, List<LossSeries> names, List<LossPoint> points) {
        List<Series> losses = new ArrayList<>();
        List<Series> probabilities = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            LossSeries n = names.get(i);
            Series series = new Series(n.label(), PALETTE[i % PALETTE.length], p -> p.value(index));
            (n.probability() ? probabilities : losses).add(series);
        }
        int panels = probabilities.isEmpty() ? 1 : 2;
        BufferedImage image =
                new BufferedImage(WIDTH, panels * PANEL + (panels + 1) * MARGIN / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.BLACK);
        g.drawString(title, MARGIN, 18);
        if (!points.isEmpty()) {
            int top = MARGIN / 2 + 10;
            panel(g, points, top, "loss", losses, false);
            if (!probabilities.isEmpty()) {
                panel(g, points, top + PANEL + MARGIN / 2, "probability", probabilities, true);
            }
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private record Series(String name, Color color, ToDoubleFunction<LossPoint> value) {}

    private static void panel(
            Graphics2D g, List<LossPoint> points, int top, String label, List<Series> series, boolean unitRange) {
        int left = MARGIN;
        int right = WIDTH - 20;
        int bottom = top + PANEL - 20;
        double minX = points.get(0).iteration();
        double maxX = Math.max(minX + 1, points.get(points.size() - 1).iteration());
        double minY = unitRange ? 0 : Double.POSITIVE_INFINITY;
        double maxY = unitRange ? 1 : Double.NEGATIVE_INFINITY;
        if (!unitRange) {
            for (Series s : series) {
                for (LossPoint p : points) {
                    double v = s.value().applyAsDouble(p);
                    if (Double.isFinite(v)) {
                        minY = Math.min(minY, v);
                        maxY = Math.max(maxY, v);
                    }
                }
            }
            if (!Double.isFinite(minY)) {
                minY = 0;
                maxY = 1;
            } else if (maxY - minY < 1e-9) {
                maxY = minY + 1;
            }
        }
        g.setColor(new Color(0xdddddd));
        for (int i = 0; i <= 4; i++) {
            int y = bottom - (bottom - top) * i / 4;
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format("%.2f", minY + (maxY - minY) * i / 4), 4, y + 4);
            g.setColor(new Color(0xdddddd));
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(left, top, right - left, bottom - top);
        g.drawString(label, left + 4, top + 14);
        g.drawString("iteration " + (long) minX, left, bottom + 14);
        String end = "iteration " + (long) maxX;
        g.drawString(end, right - g.getFontMetrics().stringWidth(end), bottom + 14);
        int legendX = right - 90 * series.size();
        g.setStroke(new BasicStroke(1.5f));
        for (Series s : series) {
            Path2D.Double path = new Path2D.Double();
            boolean started = false;
            for (LossPoint p : points) {
                double v = s.value().applyAsDouble(p);
                if (!Double.isFinite(v)) {
                    continue;
                }
                double x = left + (p.iteration() - minX) / (maxX - minX) * (right - left);
                double y = bottom - (v - minY) / (maxY - minY) * (bottom - top);
                if (started) {
                    path.lineTo(x, y);
                } else {
                    path.moveTo(x, y);
                    started = true;
                }
            }
            g.setColor(s.color());
            g.draw(path);
            g.fillRect(legendX, top + 6, 12, 3);
            g.drawString(s.name(), legendX + 16, top + 12);
            legendX += 90;
        }
    }
}
