package dev.gansvc.engine.data;

import java.awt.image.BufferedImage;

/** The pixels of a drawn or decoded picture as the engine's images hold them. */
final class ImagePixels {

    private ImagePixels() {}

    /** Each channel scaled to [-1, 1], channel-major ([channels, height, width]); one channel is the luma. */
    static float[] scaled(BufferedImage image, int channels) {
        int width = image.getWidth();
        int plane = width * image.getHeight();
        int[] rgb = image.getRGB(0, 0, width, image.getHeight(), null, 0, width);
        float[] out = new float[channels * plane];
        for (int p = 0; p < plane; p++) {
            int r = (rgb[p] >> 16) & 0xFF;
            int g = (rgb[p] >> 8) & 0xFF;
            int b = rgb[p] & 0xFF;
            if (channels == 1) {
                out[p] = (0.299f * r + 0.587f * g + 0.114f * b) / 127.5f - 1f;
            } else {
                out[p] = r / 127.5f - 1f;
                out[plane + p] = g / 127.5f - 1f;
                out[2 * plane + p] = b / 127.5f - 1f;
            }
        }
        return out;
    }
}
