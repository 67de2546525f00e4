package dev.gansvc.web;

/** An upload larger than gan.uploads.max-bytes (413). */
public class UploadTooLargeException extends RuntimeException {

    public UploadTooLargeException(long limit) {
        super("the upload is larger than " + limit + " bytes (gan.uploads.max-bytes)");
    }
}
