package dev.gansvc.engine.data;

/**
 * What an uploaded archive of images may hold, so that no upload can exhaust memory or disk.
 *
 * @param maxExamples          images in the archive
 * @param maxEntries           entries of any kind (folders and skipped metadata files too)
 * @param maxEntryBytes        bytes one entry may expand to: an entry is held whole while it is decoded
 * @param maxUncompressedBytes bytes all entries may expand to together (decompression bombs)
 * @param maxExpansionRatio    how many times its packed size the archive may expand to (decompression bombs,
 *                             refused after the first mebibyte rather than at the total)
 * @param maxImagePixels       width x height of any one image before resizing (image bombs)
 * @param maxValues            numbers in the whole dataset once decoded (its memory, 4 bytes each)
 */
public record UploadLimits(
        int maxExamples,
        int maxEntries,
        long maxEntryBytes,
        long maxUncompressedBytes,
        int maxExpansionRatio,
        long maxImagePixels,
        long maxValues) {}
