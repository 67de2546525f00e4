package dev.gansvc.models;

import dev.gansvc.web.Echo;
import dev.gansvc.web.InvalidFieldException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The forms a trained model is downloaded in. */
public enum ExportFormat {
    /** The service's own archive: every network, optimiser state and sampling data; imports back. */
    NATIVE("native", "application/zip", ".zip"),
    /** The generator alone as an ONNX model, for ONNX Runtime and other ONNX runtimes. */
    ONNX("onnx", "application/octet-stream", ".onnx"),
    /** The generator's network as a Deeplearning4j ComputationGraph (ModelSerializer's zip). */
    DL4J("dl4j", "application/zip", "-dl4j.zip");

    private final String id;
    private final String mediaType;
    private final String suffix;

    ExportFormat(String id, String mediaType, String suffix) {
        this.id = id;
        this.mediaType = mediaType;
        this.suffix = suffix;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file name a download of model {@code id} gets. */
    public String fileName(long id) {
        return "model-" + id + suffix;
    }

    /** The format of this id; a 400 naming the known ones otherwise. */
    public static ExportFormat of(String id) {
        return Arrays.stream(values())
                .filter(f -> f.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new InvalidFieldException(
                        "format",
                        "must be one of "
                                + Arrays.stream(values()).map(f -> f.id).collect(Collectors.joining(", ")) + " (was '"
                                + Echo.value(id) + "')"));
    }
}
