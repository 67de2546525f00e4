package dev.gansvc.engine.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import onnx.Onnx;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.protobuf.ByteString;

/**
 * An ONNX graph under construction: nodes named in order, constants as initializers, and the
 * model written with its opset. Tensor data is written raw, little-endian, as the format asks.
 */
final class OnnxGraph {

    /** IR version 8 (ONNX 1.10+), operator set 17: read by every ONNX Runtime since 1.12. */
    static final long IR_VERSION = 8;

    static final long OPSET = 17;

    private final Onnx.GraphProto.Builder graph = Onnx.GraphProto.newBuilder();
    private int names;

    OnnxGraph(String name) {
        graph.setName(name);
    }

    /** An input of this element type, its first dimension the batch ("N"). */
    void input(String name, Onnx.TensorProto.DataType type, long... dims) {
        graph.addInput(valueInfo(name, type, dims));
    }

    /** Names {@code value} the graph's output (of this type, first dimension the batch). */
    void output(String value, String name, Onnx.TensorProto.DataType type, long... dims) {
        graph.addNode(Onnx.NodeProto.newBuilder()
                .setOpType("Identity")
                .setName(fresh())
                .addInput(value)
                .addOutput(name));
        graph.addOutput(valueInfo(name, type, dims));
    }

    /** A float constant of the array's shape, its values as float32. */
    String floats(INDArray array) {
        ByteBuffer data = buffer(4 * array.length());
        for (float v : array.castTo(DataType.FLOAT).dup('c').data().asFloat()) {
            data.putFloat(v);
        }
        return initializer(Onnx.TensorProto.DataType.FLOAT, array.shape(), data);
    }

    /** A double constant of this shape (values row-major). */
    String doubles(double[] values, long... shape) {
        ByteBuffer data = buffer(8L * values.length);
        for (double v : values) {
            data.putDouble(v);
        }
        return initializer(Onnx.TensorProto.DataType.DOUBLE, shape, data);
    }

    /** A scalar double constant. */
    String scalar(double value) {
        return doubles(new double[] {value});
    }

    /** An int64 constant of this shape (values row-major). */
    String longs(long[] values, long... shape) {
        ByteBuffer data = buffer(8L * values.length);
        for (long v : values) {
            data.putLong(v);
        }
        return initializer(Onnx.TensorProto.DataType.INT64, shape, data);
    }

    /** A 1-D int64 constant. */
    String longs(long... values) {
        return longs(values, values.length);
    }

    /** A node with one output; attributes are longs, long arrays, floats or data types. */
    String node(String op, Map<String, Object> attributes, String... inputs) {
        String out = fresh();
        Onnx.NodeProto.Builder node =
                Onnx.NodeProto.newBuilder().setOpType(op).setName(out).addOutput(out);
        for (String input : inputs) {
            node.addInput(input);
        }
        attributes.forEach((name, value) -> node.addAttribute(attribute(name, value)));
        graph.addNode(node);
        return out;
    }

    String node(String op, String... inputs) {
        return node(op, Map.of(), inputs);
    }

    /** The model: this graph with the IR version, opset and metadata. */
    byte[] model(String producer, String doc, Map<String, String> metadata) {
        Onnx.ModelProto.Builder model = Onnx.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(
                        Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(producer)
                .setDocString(doc)
                .setGraph(graph);
        metadata.forEach((key, value) -> model.addMetadataProps(
                Onnx.StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
        return model.build().toByteArray();
    }

    private String fresh() {
        return "v" + names++;
    }

    private String initializer(Onnx.TensorProto.DataType type, long[] shape, ByteBuffer data) {
        String name = fresh();
        Onnx.TensorProto.Builder tensor =
                Onnx.TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
        for (long d : shape) {
            tensor.addDims(d);
        }
        graph.addInitializer(tensor.setRawData(ByteString.copyFrom(data.flip())));
        return name;
    }

    private static ByteBuffer buffer(long bytes) {
        return ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static Onnx.ValueInfoProto valueInfo(String name, Onnx.TensorProto.DataType type, long... dims) {
        Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder();
        shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        for (long d : dims) {
            shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return Onnx.ValueInfoProto.newBuilder()
                .setName(name)
                .setType(Onnx.TypeProto.newBuilder()
                        .setTensorType(Onnx.TypeProto.Tensor.newBuilder()
                                .setElemType(type.getNumber())
                                .setShape(shape)))
                .build();
    }

    private static Onnx.AttributeProto attribute(String name, Object value) {
        Onnx.AttributeProto.Builder a = Onnx.AttributeProto.newBuilder().setName(name);
        if (value instanceof Long l) {
            a.setType(Onnx.AttributeProto.AttributeType.INT).setI(l);
        } else if (value instanceof Onnx.TensorProto.DataType t) {
            a.setType(Onnx.AttributeProto.AttributeType.INT).setI(t.getNumber());
        } else if (value instanceof Double d) {
            a.setType(Onnx.AttributeProto.AttributeType.FLOAT).setF(d.floatValue());
        } else if (value instanceof long[] ls) {
            a.setType(Onnx.AttributeProto.AttributeType.INTS);
            for (long l : ls) {
                a.addInts(l);
            }
        } else {
            throw new IllegalArgumentException("attribute " + name + " of unsupported type " + value);
        }
        return a.build();
    }
}
