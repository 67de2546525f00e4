package dev.gansvc.models;

import dev.gansvc.web.InvalidFieldException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The forms a trained model is downloaded in. */
public enum ExportFormat {
    /** The service's own archive: every network, optimiser state and sampling data; imports back. */
    NATIVE("native", "application/zip", "zip"),
    /** The generator alone as an ONNX model, for ONNX Runtime and other ONNX runtimes. */
    ONNX("onnx", "application/octet-stream", "onnx");

    private final String id;
    private final String mediaType;
    private final String extension;

    ExportFormat(String id, String mediaType, String extension) {
        this.id = id;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file name a download of model {@code id} gets. */
    public String fileName(long id) {
        return "model-" + id + "." + extension;
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
                                + id + "')"));
    }
}
