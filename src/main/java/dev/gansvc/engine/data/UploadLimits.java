package dev.gansvc.engine.data;

/**
 * What an uploaded dataset may hold, so that no upload can exhaust memory or disk.
 *
 * @param maxExamples          images in an archive, or rows in a CSV file
 * @param maxUncompressedBytes bytes all entries of an archive may expand to together (decompression bombs)
 * @param maxImagePixels       width x height of any one image before resizing (image bombs)
 * @param maxValues            numbers in the whole dataset once decoded (its memory, 4 bytes each)
 */
public record UploadLimits(int maxExamples, long maxUncompressedBytes, long maxImagePixels, long maxValues) {}
