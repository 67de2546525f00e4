package dev.gansvc.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The forward pass against a direct loop implementation of PyTorch's ConvTranspose2d. */
class ConvTranspose2dTest {

    @Test
    void matchesTheDefinitionOfATransposedConvolution() {
        int n = 2, in = 3, out = 2, k = 4, s = 2, p = 1, h = 3, w = 4;
        Network net = new Network(List.of(new ConvTranspose2d(in, out, k, s, p)));
        SplittableRandom random = new SplittableRandom(3);
        net.parameters().assign(Tensors.gaussian(random, 0, 1, net.parameterCount()));
        INDArray x = Tensors.gaussian(random, 0, 1, n, in, h, w);

        INDArray y = net.forward(x, false);

        INDArray weights = net.parameters()
                .get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, in * out * k * k))
                .reshape(in, out, k, k);
        INDArray bias = net.parameters()
                .get(org.nd4j.linalg.indexing.NDArrayIndex.interval(in * out * k * k, net.parameterCount()));
        int oh = (h - 1) * s - 2 * p + k;
        int ow = (w - 1) * s - 2 * p + k;
        assertThat(y.shape()).containsExactly(n, out, oh, ow);
        double[][][][] expected = new double[n][out][oh][ow];
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        expected[b][o][i][j] = bias.getDouble(o);
                    }
                }
                for (int c = 0; c < in; c++) {
                    for (int i = 0; i < h; i++) {
                        for (int j = 0; j < w; j++) {
                            for (int u = 0; u < k; u++) {
                                for (int v = 0; v < k; v++) {
                                    int r = i * s - p + u;
                                    int q = j * s - p + v;
                                    if (r >= 0 && r < oh && q >= 0 && q < ow) {
                                        expected[b][o][r][q] += x.getDouble(b, c, i, j) * weights.getDouble(c, o, u, v);
                                    }
                                }
                            }
                        }
                    }
                }
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        assertThat(y.getDouble(b, o, i, j))
                                .isCloseTo(expected[b][o][i][j], org.assertj.core.data.Offset.offset(1e-4));
                    }
                }
            }
        }
    }
}
