package dev.gansvc.models;

/** Raw samples as CSV: a header {@code x0,x1,...} and one row per sample, as {@code GET /models/{id}/samples} sends them. */
public final class SamplesCsv {

    private SamplesCsv() {}

    public static String of(float[][] rows) {
        StringBuilder out = new StringBuilder();
        int columns = rows.length == 0 ? 0 : rows[0].length;
        for (int c = 0; c < columns; c++) {
            out.append(c == 0 ? "" : ",").append('x').append(c);
        }
        out.append('\n');
        for (float[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                out.append(c == 0 ? "" : ",").append(row[c]);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
