package dev.gansvc.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sample grids decoded by an independent PNG reader (ImageIO), pixel by pixel. A pixel may be
 * one level off where float arithmetic lands within rounding error of a half step.
 */
class SampleGridTest {

    @Test
    void greyGridHoldsEveryImageAtItsCellWithBlackGutters() throws IOException {
        INDArray images = Nd4j.rand(DataType.FLOAT, 5, 1, 4, 3).muli(2).subi(1);
        BufferedImage png = decode(SampleGrid.png(images));

        // 5 images: 3 columns, 2 rows of 3x4 cells with 2-pixel gutters.
        assertThat(png.getWidth()).isEqualTo(3 * (3 + 2) + 2);
        assertThat(png.getHeight()).isEqualTo(2 * (4 + 2) + 2);
        for (int i = 0; i < 5; i++) {
            int x0 = 2 + (i % 3) * 5;
            int y0 = 2 + (i / 3) * 6;
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 3; x++) {
                    assertThat(png.getRaster().getSample(x0 + x, y0 + y, 0))
                            .isCloseTo(expectedByte(images.getFloat(i, 0, y, x)), within(1));
                }
            }
        }
        assertThat(png.getRaster().getSample(0, 0, 0)).isZero();
        assertThat(png.getRaster().getSample(2 + 3, 2, 0))
                .as("gutter between columns")
                .isZero();
        assertThat(png.getRaster().getSample(png.getWidth() - 1, png.getHeight() - 1, 0))
                .isZero();
    }

    @Test
    void colourGridKeepsChannelsApart() throws IOException {
        INDArray images = Nd4j.rand(DataType.FLOAT, 4, 3, 5, 6).muli(2.4).subi(1.2); // some values clip
        BufferedImage png = decode(SampleGrid.png(images));

        for (int i = 0; i < 4; i++) {
            int x0 = 2 + (i % 2) * 8;
            int y0 = 2 + (i / 2) * 7;
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 6; x++) {
                    int rgb = png.getRGB(x0 + x, y0 + y);
                    assertThat(rgb >> 16 & 0xff).isCloseTo(expectedByte(images.getFloat(i, 0, y, x)), within(1));
                    assertThat(rgb >> 8 & 0xff).isCloseTo(expectedByte(images.getFloat(i, 1, y, x)), within(1));
                    assertThat(rgb & 0xff).isCloseTo(expectedByte(images.getFloat(i, 2, y, x)), within(1));
                }
            }
        }
    }

    private static int expectedByte(float v) {
        return (int) Math.max(0, Math.min(255, Math.round((v + 1) * 127.5)));
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        return image;
    }
}
