package dev.gansvc.engine.export;

/**
 * The standard normal distribution function and its inverse as ONNX nodes on doubles, for the
 * latent choice: ONNX has Erf but no inverse, and ONNX Runtime's Erf is float only, too coarse
 * when a cluster's share of [0, 1] is a fiftieth.
 */
final class NormalNodes {

    /** Beyond 8.5 the distribution function is 0 or 1 in doubles. */
    private static final double RANGE = 8.5;

    /** Enough for the series' terms to fall below a double's precision over the whole range. */
    private static final int TERMS = 120;

    /** ln(sqrt(2 pi)). */
    private static final double LOG_SQRT_2PI = 0.91893853320467274178;

    // Acklam's rational approximation of the normal quantile (relative error below 1.2e-9).
    private static final double[] A = {
        -3.969683028665376e+01,
        2.209460984245205e+02,
        -2.759285104469687e+02,
        1.383577518672690e+02,
        -3.066479806614716e+01,
        2.506628277459239e+00
    };
    private static final double[] B = {
        -5.447609879822406e+01,
        1.615858368580409e+02,
        -1.556989798598866e+02,
        6.680131188771972e+01,
        -1.328068155288572e+01,
        1
    };
    private static final double[] C = {
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e+00,
        -2.549732539343734e+00,
        4.374664141464968e+00,
        2.938163982698783e+00
    };
    private static final double[] D = {
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00, 1
    };
    private static final double TAIL = 0.02425;

    private NormalNodes() {}

    /**
     * P(X <= x) for standard-normal X, to about 2e-15: Marsaglia's series (2004),
     * 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...).
     */
    static String cdf(OnnxGraph g, String x) {
        String clipped = g.node("Min", g.node("Max", x, g.scalar(-RANGE)), g.scalar(RANGE));
        String square = g.node("Mul", clipped, clipped);
        String term = clipped;
        String sum = clipped;
        for (int n = 1; n < TERMS; n++) {
            term = g.node("Mul", g.node("Mul", term, square), g.scalar(1.0 / (2 * n + 1)));
            sum = g.node("Add", sum, term);
        }
        String density = g.node("Exp", g.node("Sub", g.node("Mul", square, g.scalar(-0.5)), g.scalar(LOG_SQRT_2PI)));
        return g.node("Add", g.scalar(0.5), g.node("Mul", sum, density));
    }

    /** The x with P(X <= x) = p, for p strictly inside (0, 1): Acklam's three rational pieces. */
    static String quantile(OnnxGraph g, String p) {
        String q = g.node("Sub", p, g.scalar(0.5));
        String r = g.node("Mul", q, q);
        String central = g.node("Div", g.node("Mul", horner(g, r, A), q), horner(g, r, B));
        String lowRoot = g.node("Sqrt", g.node("Mul", g.scalar(-2), g.node("Log", p)));
        String low = g.node("Div", horner(g, lowRoot, C), horner(g, lowRoot, D));
        String highRoot = g.node("Sqrt", g.node("Mul", g.scalar(-2), g.node("Log", g.node("Sub", g.scalar(1), p))));
        String high = g.node("Neg", g.node("Div", horner(g, highRoot, C), horner(g, highRoot, D)));
        return g.node(
                "Where",
                g.node("Less", p, g.scalar(TAIL)),
                low,
                g.node("Where", g.node("Greater", p, g.scalar(1 - TAIL)), high, central));
    }

    /** c[0] x^(n-1) + c[1] x^(n-2) + ... + c[n-1]. */
    private static String horner(OnnxGraph g, String x, double[] c) {
        String acc = g.scalar(c[0]);
        for (int i = 1; i < c.length; i++) {
            acc = g.node("Add", g.node("Mul", acc, x), g.scalar(c[i]));
        }
        return acc;
    }
}
