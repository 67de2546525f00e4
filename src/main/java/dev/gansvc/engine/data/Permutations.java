package dev.gansvc.engine.data;

import java.util.SplittableRandom;

/** Random orders of example indices, drawn from a seeded source so that runs can be repeated exactly. */
public final class Permutations {

    private Permutations() {}

    /** 0 .. n-1 in a random order (Fisher-Yates). */
    public static int[] of(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, random);
        return p;
    }

    /** Shuffles {@code a} in place (Fisher-Yates). */
    public static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
