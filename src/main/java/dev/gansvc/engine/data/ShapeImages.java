package dev.gansvc.engine.data;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Procedural pictures of one filled shape on a soft gradient background, classed by shape:
 * colour data that ships without any files. Each picture varies the shape's size, position,
 * rotation and colour (a bright hue well away from the darker background's), so a model has
 * modes to find and variety within each. Pictures are drawn by Java2D (antialiased) from the
 * seed and their index whenever a batch asks for them, so none are held in memory; the same
 * index always gives the same pixels. Classes take turns: picture i is of shape i mod 4.
 */
public final class ShapeImages implements Dataset {

    /** The built-in set: 6,000 colour pictures of 64x64, what {@code dcgan64} and {@code cgan} take. */
    public static final String SHAPES64 = "shapes64";

    public static final List<String> SHAPES = List.of("circle", "square", "triangle", "star");
    private static final int SHAPES64_SIZE = 6000;
    private static final long SHAPES64_SEED = 20260064L;
    /** Inner to outer radius of the five-pointed star. */
    private static final double STAR_INNER = 0.45;
    /** The shape's luma is raised to at least this (of 1), the background's is at most 0.3: grey renderings keep the shape. */
    private static final double MIN_SHAPE_LUMA = 0.65;

    private final int size;
    private final int side;
    private final int channels;
    private final long seed;

    /**
     * @param size     pictures
     * @param side     their width and height in pixels
     * @param channels 3 (RGB) or 1 (grey: the luma)
     */
    public ShapeImages(int size, int side, int channels, long seed) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, was " + channels);
        }
        this.size = size;
        this.side = side;
        this.channels = channels;
        this.seed = seed;
    }

    public static ShapeImages shapes64() {
        return new ShapeImages(SHAPES64_SIZE, 64, 3, SHAPES64_SEED);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long[] exampleShape() {
        return new long[] {channels, side, side};
    }

    @Override
    public int[] labels() {
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = i % SHAPES.size();
        }
        return labels;
    }

    @Override
    public int classCount() {
        return SHAPES.size();
    }

    @Override
    public List<String> classNames() {
        return SHAPES;
    }

    @Override
    public INDArray batch(int[] indices) {
        int perImage = channels * side * side;
        float[] pixels = new float[indices.length * perImage];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(ImagePixels.scaled(draw(indices[i]), channels), 0, pixels, i * perImage, perImage);
        }
        return Nd4j.create(pixels, new long[] {indices.length, channels, side, side}, 'c');
    }

    /** Picture {@code index} in colour, drawn from its own random stream so that any one can be drawn alone. */
    private BufferedImage draw(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("picture " + index + " of " + size);
        }
        SplittableRandom random = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
        Shape outline =
                outline(index % SHAPES.size(), side * uniform(random, 0.2, 0.3), uniform(random, 0, 2 * Math.PI));
        Rectangle2D bounds = outline.getBounds2D();
        double pad = side * 0.04;
        double x = uniform(random, pad - bounds.getMinX(), side - pad - bounds.getMaxX());
        double y = uniform(random, pad - bounds.getMinY(), side - pad - bounds.getMaxY());
        float backgroundHue = (float) random.nextDouble();
        float saturation = (float) uniform(random, 0.3, 0.7);
        float darker = (float) uniform(random, 0.02, 0.1);
        float lighter = darker + (float) uniform(random, 0.03, 0.1);
        double direction = uniform(random, 0, 2 * Math.PI);
        float dx = (float) (Math.cos(direction) * side / 2);
        float dy = (float) (Math.sin(direction) * side / 2);

        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setPaint(new GradientPaint(
                side / 2f - dx,
                side / 2f - dy,
                Color.getHSBColor(backgroundHue, saturation, darker),
                side / 2f + dx,
                side / 2f + dy,
                Color.getHSBColor(backgroundHue + (float) uniform(random, -0.08, 0.08), saturation, lighter)));
        g.fillRect(0, 0, side, side);
        g.setColor(shapeColour(backgroundHue + (float) uniform(random, 0.25, 0.75), random));
        g.translate(x, y);
        g.fill(outline);
        g.dispose();
        return image;
    }

    /**
     * The shape around the origin, as large as a circle of {@code radius}: equal areas, so that
     * shapes differ by form and not by how much of the picture they cover.
     */
    private static Shape outline(int shape, double radius, double rotation) {
        return switch (shape) {
            case 0 -> new Ellipse2D.Double(-radius, -radius, 2 * radius, 2 * radius);
            case 1 -> polygon(4, 1, radius, rotation);
            case 2 -> polygon(3, 1, radius, rotation);
            default -> polygon(10, STAR_INNER, radius, rotation);
        };
    }

    /** {@code corners} points, alternately at the outer radius and {@code innerRatio} times it. */
    private static Shape polygon(int corners, double innerRatio, double radius, double rotation) {
        double unitArea = corners / 2.0 * innerRatio * Math.sin(2 * Math.PI / corners);
        double outer = radius * Math.sqrt(Math.PI / unitArea);
        Path2D.Double path = new Path2D.Double();
        for (int k = 0; k < corners; k++) {
            double r = k % 2 == 0 ? outer : outer * innerRatio;
            double angle = rotation + 2 * Math.PI * k / corners;
            if (k == 0) {
                path.moveTo(r * Math.cos(angle), r * Math.sin(angle));
            } else {
                path.lineTo(r * Math.cos(angle), r * Math.sin(angle));
            }
        }
        path.closePath();
        return path;
    }

    /** A bright colour of the hue, blended towards white where its luma is below {@value #MIN_SHAPE_LUMA}. */
    private static Color shapeColour(float hue, SplittableRandom random) {
        Color c = Color.getHSBColor(hue, (float) uniform(random, 0.5, 0.9), (float) uniform(random, 0.85, 1));
        double luma = (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
        double toWhite = luma >= MIN_SHAPE_LUMA ? 0 : (MIN_SHAPE_LUMA - luma) / (1 - luma);
        return new Color(lighten(c.getRed(), toWhite), lighten(c.getGreen(), toWhite), lighten(c.getBlue(), toWhite));
    }

    private static int lighten(int channel, double toWhite) {
        return (int) Math.round(channel + (255 - channel) * toWhite);
    }

    private static double uniform(SplittableRandom random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }
}
