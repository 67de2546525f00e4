package dev.gansvc.engine.export;

import dev.gansvc.engine.model.GeneratorGraph;
import dev.gansvc.engine.model.LatentChoice;
import dev.gansvc.engine.nn.LayerSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.LongStream;
import onnx.Onnx.TensorProto.DataType;

/**
 * A generator as an ONNX model: inputs {@code z} (float [N, latentDim]) and, for a conditional
 * model, {@code label} (int64 [N]); output {@code samples} (float [N, ...sample shape]), the
 * values {@code GeneratorModel.generate(z, label)} gives (images in [-1, 1], rows in the data's
 * units). The latent choice of a cluster or code component runs in doubles, as in Java.
 */
public final class OnnxExport {

    public static final String PRODUCER = "gan-service";

    private OnnxExport() {}

    /** The model's bytes; {@code metadata} is stored with it, beside the shapes and value range. */
    public static byte[] of(GeneratorGraph generator, String name, Map<String, String> metadata) {
        OnnxGraph g = new OnnxGraph(name);
        g.input("z", DataType.FLOAT, generator.latentDim());
        String x = "z";
        if (generator.choice().isPresent()) {
            x = chosen(g, x, generator.latentDim(), generator.choice().get());
        }
        if (generator.classes() > 0) {
            g.input("label", DataType.INT64);
            x = g.node("Concat", Map.of("axis", 1L), x, oneHot(g, "label", generator.classes()));
        }
        for (LayerSpec layer : generator.layers()) {
            x = layer(g, x, layer);
        }
        if (generator.scaling().isPresent()) {
            x = g.node(
                    "Add",
                    g.node("Mul", x, g.floats(generator.scaling().get().std())),
                    g.floats(generator.scaling().get().mean()));
        }
        long[] sampleShape = generator.sampleShape();
        x = g.node("Reshape", x, batchShape(g, sampleShape));
        g.output(x, "samples", DataType.FLOAT, sampleShape);
        Map<String, String> props = new LinkedHashMap<>(metadata);
        props.put("latentDim", Integer.toString(generator.latentDim()));
        props.put("classes", Integer.toString(generator.classes()));
        props.put("sampleShape", Arrays.toString(sampleShape));
        props.put("valueRange", generator.scaling().isPresent() ? "the data's units" : "[-1, 1]");
        return g.model(
                PRODUCER,
                "Generator: z ~ N(0, I) [N, latentDim]"
                        + (generator.classes() > 0 ? " and label int64 [N] in 0..classes-1" : "")
                        + " to samples [N, " + Arrays.toString(sampleShape).replaceAll("[\\[\\]]", "") + "]",
                props);
    }

    /**
     * The first coordinate's choice ({@link LatentChoice}): the option whose share of [0, 1] its
     * normal probability falls in, and the coordinate rescaled within that share; then a
     * component's code, or the point with the cluster's one-hot appended.
     */
    private static String chosen(OnnxGraph g, String z, int latentDim, GeneratorGraph.Choice choice) {
        double[] weights = choice.weights();
        int k = weights.length;
        // below[c]: the weights before option c, summed in the order Java sums them.
        double[] below = new double[k];
        for (int c = 1; c < k; c++) {
            below[c] = below[c - 1] + weights[c - 1];
        }
        double[] thresholds = k == 1 ? new double[] {Double.POSITIVE_INFINITY} : Arrays.copyOfRange(below, 1, k);
        String doubles = g.node("Cast", Map.of("to", DataType.DOUBLE), z);
        String first = g.node("Slice", doubles, g.longs(0), g.longs(1), g.longs(1));
        String rest = g.node("Slice", doubles, g.longs(1), g.longs(latentDim), g.longs(1));
        String u = NormalNodes.cdf(g, first);
        String option = g.node(
                "ReduceSum",
                Map.of("keepdims", 0L),
                g.node(
                        "Cast",
                        Map.of("to", DataType.INT64),
                        g.node("Not", g.node("Less", u, g.doubles(thresholds, 1, thresholds.length)))),
                g.longs(1));
        String within = g.node(
                "Div",
                g.node("Sub", g.node("Squeeze", u, g.longs(1)), g.node("Gather", g.doubles(below, k), option)),
                g.node("Gather", g.doubles(weights, k), option));
        String edged =
                g.node("Min", g.node("Max", within, g.scalar(LatentChoice.EDGE)), g.scalar(1 - LatentChoice.EDGE));
        String point = g.node(
                "Concat", Map.of("axis", 1L), g.node("Unsqueeze", NormalNodes.quantile(g, edged), g.longs(1)), rest);
        if (choice instanceof GeneratorGraph.Components components) {
            String factors =
                    g.node("Gather", g.doubles(lowerTriangles(components.factors()), k, latentDim, latentDim), option);
            String code = g.node(
                    "Add",
                    g.node("Squeeze", g.node("MatMul", factors, g.node("Unsqueeze", point, g.longs(2))), g.longs(2)),
                    g.node("Gather", g.doubles(flat(components.means()), k, latentDim), option));
            return g.node("Cast", Map.of("to", DataType.FLOAT), code);
        }
        return g.node(
                "Concat",
                Map.of("axis", 1L),
                g.node("Cast", Map.of("to", DataType.FLOAT), point),
                oneHot(g, option, k));
    }

    /** [N] int64 indices to [N, classes] float one-hot rows. */
    private static String oneHot(OnnxGraph g, String indices, int classes) {
        return g.node(
                "Cast",
                Map.of("to", DataType.FLOAT),
                g.node(
                        "Equal",
                        g.node("Unsqueeze", indices, g.longs(1)),
                        g.longs(LongStream.range(0, classes).toArray(), 1, classes)));
    }

    private static String layer(OnnxGraph g, String x, LayerSpec layer) {
        if (layer instanceof LayerSpec.Dense d) {
            return g.node("Add", g.node("MatMul", x, g.floats(d.weights())), g.floats(d.bias()));
        }
        if (layer instanceof LayerSpec.Conv c) {
            return g.node(
                    "Conv",
                    convolution(c.weights().size(2), c.stride(), c.pad()),
                    x,
                    g.floats(c.weights()),
                    g.floats(c.bias()));
        }
        if (layer instanceof LayerSpec.ConvTranspose t) {
            return g.node(
                    "ConvTranspose",
                    convolution(t.weights().size(2), t.stride(), t.pad()),
                    x,
                    g.floats(t.weights()),
                    g.floats(t.bias()));
        }
        if (layer instanceof LayerSpec.ChannelAffine a) {
            // An inference-mode batch norm with mean 0 and variance 1 is scale * x + shift.
            return g.node(
                    "BatchNormalization",
                    Map.of("epsilon", 0.0),
                    x,
                    g.floats(a.scale()),
                    g.floats(a.shift()),
                    g.floats(a.scale().mul(0)),
                    g.floats(a.scale().mul(0).addi(1)));
        }
        if (layer instanceof LayerSpec.Nonlinearity n) {
            return switch (n.kind()) {
                case RELU -> g.node("Relu", x);
                case LEAKY_RELU -> g.node("LeakyRelu", Map.of("alpha", n.slope()), x);
                case TANH -> g.node("Tanh", x);
            };
        }
        LayerSpec.Reshape r = (LayerSpec.Reshape) layer;
        return g.node("Reshape", x, batchShape(g, r.exampleShape()));
    }

    /** The shape [-1, ...example] that a Reshape to examples of this shape takes (-1: the batch). */
    private static String batchShape(OnnxGraph g, long[] example) {
        return g.longs(
                LongStream.concat(LongStream.of(-1), Arrays.stream(example)).toArray());
    }

    private static Map<String, Object> convolution(long kernel, int stride, int pad) {
        return Map.of(
                "kernel_shape", new long[] {kernel, kernel},
                "strides", new long[] {stride, stride},
                "pads", new long[] {pad, pad, pad, pad});
    }

    /** The factors row-major, only their lower triangles (what Java multiplies by). */
    private static double[] lowerTriangles(double[][][] factors) {
        int k = factors.length;
        int d = factors[0].length;
        double[] out = new double[k * d * d];
        for (int c = 0; c < k; c++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    out[(c * d + a) * d + b] = factors[c][a][b];
                }
            }
        }
        return out;
    }

    private static double[] flat(double[][] rows) {
        return Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
    }
}
