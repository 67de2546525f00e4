package dev.gansvc.engine.export;

import dev.gansvc.engine.model.GeneratorGraph;
import dev.gansvc.engine.nn.Conv2d;
import dev.gansvc.engine.nn.ConvTranspose2d;
import dev.gansvc.engine.nn.LayerSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A generator's network as a Deeplearning4j {@code ComputationGraph}, saved with {@code
 * ModelSerializer}: input {@code z} [N, latentDim] and, where the network takes a one-hot class
 * or cluster, {@code condition} [N, labels]; output {@code samples}, [N, channels, height,
 * width] for images, [N, features] in the data's units for rows. A latent choice (a cluster or a
 * code component picked by the first coordinate) is not a DL4J layer: such a graph takes the
 * chosen point (or a decoder's code) and the cluster's one-hot, as the engine's network does.
 *
 * <p>DL4J's defaults are not the engine's: every layer gets its activation (the global default is
 * sigmoid), batch norm keeps its variance rather than a log-std, and weights keep their layouts
 * ([in, out] dense, [out, in, k, k] convolution, [in, out, k, k] transposed convolution).
 */
public final class Dl4jExport {

    /** DL4J's batch norm divides by sqrt(var + eps); a variance of 1 - eps makes it exact. */
    private static final double EPSILON = 1e-5;

    private Dl4jExport() {}

    /** Width of the one-hot the network takes: a conditional model's classes or the clusters; 0 for none. */
    public static int conditionWidth(GeneratorGraph generator) {
        return generator.classes()
                + (generator.choice().orElse(null) instanceof GeneratorGraph.Clusters c ? c.weights().length : 0);
    }

    /** The saved graph, without updater state. */
    public static byte[] of(GeneratorGraph generator) {
        ComputationGraph graph = graph(generator);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(graph, bytes, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The initialised graph with the generator's weights. */
    static ComputationGraph graph(GeneratorGraph generator) {
        int labels = conditionWidth(generator);
        ComputationGraphConfiguration.GraphBuilder builder =
                new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).graphBuilder();
        String previous = "z";
        if (labels > 0) {
            builder.addInputs("z", "condition").addVertex("input", new MergeVertex(), "z", "condition");
            previous = "input";
        } else {
            builder.addInputs("z");
        }
        // Walks the layers tracking each example's shape, so that reshapes become DL4J's
        // preprocessors on the next layer and every layer gets its nIn.
        long[] shape = {generator.latentDim() + labels};
        InputPreProcessor pending = null;
        Map<String, Map<String, INDArray>> weights = new LinkedHashMap<>();
        int index = 0;
        for (LayerSpec spec : generator.layers()) {
            if (spec instanceof LayerSpec.Reshape r) {
                pending = preprocessor(shape, r.exampleShape());
                shape = r.exampleShape();
                continue;
            }
            String name = "layer" + index++;
            Layer layer;
            Map<String, INDArray> params = new LinkedHashMap<>();
            if (spec instanceof LayerSpec.Dense d) {
                layer = new DenseLayer.Builder()
                        .nIn(d.weights().size(0))
                        .nOut(d.weights().size(1))
                        .activation(Activation.IDENTITY)
                        .build();
                params.put("W", d.weights());
                params.put("b", d.bias().reshape(1, d.bias().length()));
                shape = new long[] {d.weights().size(1)};
            } else if (spec instanceof LayerSpec.Conv c) {
                int k = (int) c.weights().size(2);
                layer = new ConvolutionLayer.Builder(k, k)
                        .nIn(c.weights().size(1))
                        .nOut(c.weights().size(0))
                        .stride(c.stride(), c.stride())
                        .padding(c.pad(), c.pad())
                        .convolutionMode(ConvolutionMode.Truncate)
                        .activation(Activation.IDENTITY)
                        .build();
                params.put("W", c.weights());
                params.put("b", c.bias().reshape(1, c.bias().length()));
                shape = new long[] {
                    c.weights().size(0),
                    Conv2d.outputSize(shape[1], k, c.stride(), c.pad()),
                    Conv2d.outputSize(shape[2], k, c.stride(), c.pad())
                };
            } else if (spec instanceof LayerSpec.ConvTranspose t) {
                int k = (int) t.weights().size(2);
                layer = new Deconvolution2D.Builder(k, k)
                        .nIn(t.weights().size(0))
                        .nOut(t.weights().size(1))
                        .stride(t.stride(), t.stride())
                        .padding(t.pad(), t.pad())
                        .convolutionMode(ConvolutionMode.Truncate)
                        .activation(Activation.IDENTITY)
                        .build();
                params.put("W", t.weights());
                params.put("b", t.bias().reshape(1, t.bias().length()));
                shape = new long[] {
                    t.weights().size(1),
                    ConvTranspose2d.outputSize(shape[1], k, t.stride(), t.pad()),
                    ConvTranspose2d.outputSize(shape[2], k, t.stride(), t.pad())
                };
            } else if (spec instanceof LayerSpec.ChannelAffine a) {
                layer = affine(a.scale().length());
                params.putAll(affineParams(a.scale(), a.shift()));
            } else {
                LayerSpec.Nonlinearity n = (LayerSpec.Nonlinearity) spec;
                layer = new ActivationLayer.Builder()
                        .activation(
                                switch (n.kind()) {
                                    case RELU -> Activation.RELU.getActivationFunction();
                                    case LEAKY_RELU -> new ActivationLReLU(n.slope());
                                    case TANH -> Activation.TANH.getActivationFunction();
                                })
                        .build();
            }
            builder.addLayer(name, layer, pending, previous);
            pending = null;
            weights.put(name, params);
            previous = name;
        }
        if (generator.scaling().isPresent()) {
            String name = "layer" + index++;
            INDArray std = generator.scaling().get().std();
            builder.addLayer(name, affine(std.length()), pending, previous);
            pending = null;
            weights.put(name, affineParams(std, generator.scaling().get().mean()));
            previous = name;
        }
        builder.addLayer(
                "samples",
                new ActivationLayer.Builder().activation(Activation.IDENTITY).build(),
                pending,
                previous);
        builder.setOutputs("samples");
        ComputationGraph graph = new ComputationGraph(builder.build());
        graph.init();
        weights.forEach((name, params) -> params.forEach((key, value) -> graph.getLayer(name)
                .setParam(
                        key,
                        value.castTo(DataType.FLOAT)
                                .reshape(graph.getLayer(name).getParam(key).shape()))));
        return graph;
    }

    /** scale * x + shift per channel (or feature): an inference-mode batch norm of mean 0, variance 1 - eps. */
    private static Layer affine(long channels) {
        return new BatchNormalization.Builder()
                .nIn(channels)
                .nOut(channels)
                .eps(EPSILON)
                .useLogStd(false)
                .activation(Activation.IDENTITY)
                .build();
    }

    private static Map<String, INDArray> affineParams(INDArray scale, INDArray shift) {
        long n = scale.length();
        return Map.of(
                "gamma", scale.reshape(1, n),
                "beta", shift.reshape(1, n),
                "mean", scale.reshape(1, n).mul(0),
                "var", scale.reshape(1, n).mul(0).addi(1 - EPSILON));
    }

    /** DL4J's preprocessor between flat rows and [channels, height, width] examples; null for none. */
    private static InputPreProcessor preprocessor(long[] from, long[] to) {
        if (from.length == 1 && to.length == 3) {
            return new FeedForwardToCnnPreProcessor(to[1], to[2], to[0]);
        }
        if (from.length == 3 && to.length == 1) {
            return new CnnToFeedForwardPreProcessor(from[1], from[2], from[0]);
        }
        if (!Arrays.equals(from, to)) {
            throw new IllegalArgumentException(
                    "no DL4J preprocessor from " + Arrays.toString(from) + " to " + Arrays.toString(to));
        }
        return null;
    }
}
