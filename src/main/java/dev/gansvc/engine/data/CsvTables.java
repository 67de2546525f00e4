package dev.gansvc.engine.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads rows of numbers from CSV text: comma-separated, an optional header line, numeric
 * feature columns and optionally one label column whose values name the classes. Fields may
 * be quoted with double quotes.
 */
public final class CsvTables {

    private static final int INITIAL_VALUES = 1 << 20;

    /** Numbers, header names and class names are short; a longer field is not a table's. */
    private static final int MAX_FIELD_CHARS = 256;

    private CsvTables() {}

    /**
     * @param labelColumn the label column's header name or 0-based index, or null for none
     * @param maxRows     more rows than this are an error
     * @param maxColumns  more fields than this in a line are an error, found before the line is read whole
     * @param maxValues   more numbers than this in all are an error
     */
    public static TabularDataset read(Reader source, String labelColumn, int maxRows, int maxColumns, long maxValues) {
        try (source) {
            Lines lines = new Lines(source, maxColumns);
            String[] first = lines.next();
            if (first == null) {
                throw new InvalidDataException("no rows");
            }
            boolean header = isHeader(first, labelColumn);
            String[] names = header ? first : null;
            String[] row = header ? lines.next() : first;
            if (row == null) {
                throw new InvalidDataException("a header but no rows");
            }
            int columns = first.length;
            int label = labelColumn == null ? -1 : labelIndex(labelColumn, names, columns);
            int features = columns - (label >= 0 ? 1 : 0);
            if (features < 1) {
                throw new InvalidDataException("no feature columns besides the label");
            }
            // Room for 1,024 rows of a narrow table, growing as rows come: a very wide first row
            // must not reserve a thousand rows of memory up front.
            float[] values = new float[(int) Math.min((long) features * 1024, INITIAL_VALUES)];
            List<String> labelValues = new ArrayList<>();
            int rows = 0;
            for (; row != null; row = lines.next()) {
                if (rows == maxRows) {
                    throw new LimitExceededException("maxExamples", maxRows, "more than " + maxRows + " rows");
                }
                if ((rows + 1L) * features > maxValues) {
                    throw new LimitExceededException("maxValues", maxValues, "more than " + maxValues + " values");
                }
                if (row.length != columns) {
                    throw new InvalidDataException("line %d has %d fields, %s %d"
                            .formatted(lines.number, row.length, header ? "the header" : "the first line", columns));
                }
                long needed = (rows + 1L) * features;
                if (needed > values.length) {
                    values = Arrays.copyOf(
                            values,
                            Math.toIntExact(
                                    Math.min(Math.max((long) values.length * 2, needed), Integer.MAX_VALUE - 8)));
                }
                int f = 0;
                for (int c = 0; c < columns; c++) {
                    if (c == label) {
                        labelValues.add(row[c]);
                    } else {
                        values[rows * features + f++] =
                                number(row[c], lines.number, header ? names[c] : Integer.toString(c));
                    }
                }
                rows++;
            }
            INDArray table = Nd4j.create(Arrays.copyOf(values, rows * features), new long[] {rows, features}, 'c');
            if (label < 0) {
                return TabularDataset.unlabeled(table);
            }
            Map<String, Integer> classes = classIndices(labelValues);
            int[] labels = new int[rows];
            for (int r = 0; r < rows; r++) {
                labels[r] = classes.get(labelValues.get(r));
            }
            return new TabularDataset(table, labels, List.copyOf(classes.keySet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The non-blank lines of a reader, split into fields as they are read (commas outside double
     * quotes; each field trimmed and unquoted), with the current line's number. A line is never
     * held whole: a field longer than {@link #MAX_FIELD_CHARS} or a line of more than
     * {@code maxColumns} fields is refused as soon as it is seen.
     */
    private static final class Lines {

        private final Reader in;
        private final int maxColumns;
        private final char[] buffer = new char[1 << 16];
        private int position;
        private int length;
        private int number;

        Lines(Reader in, int maxColumns) {
            this.in = in;
            this.maxColumns = maxColumns;
        }

        String[] next() throws IOException {
            for (List<String> line = line(); line != null; line = line()) {
                if (line.size() > 1 || !line.get(0).isEmpty()) {
                    return line.toArray(String[]::new);
                }
            }
            return null;
        }

        /** The next line's fields, or null at the end; a line ends at \n, \r or \r\n. */
        private List<String> line() throws IOException {
            int ch = read();
            if (ch < 0) {
                return null;
            }
            number++;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (; ch >= 0 && ch != '\n' && ch != '\r'; ch = read()) {
                if (ch == '"') {
                    int after = read();
                    if (quoted && after == '"') {
                        append(field, '"', fields.size());
                        continue;
                    }
                    if (after >= 0) {
                        position--;
                    }
                    quoted = !quoted;
                } else if (ch == ',' && !quoted) {
                    add(fields, field);
                } else {
                    append(field, (char) ch, fields.size());
                }
            }
            if (ch == '\r') {
                int after = read();
                if (after >= 0 && after != '\n') {
                    position--;
                }
            }
            add(fields, field);
            return fields;
        }

        /** The next character, or -1 at the end; the one before it can be given back with {@code position--}. */
        private int read() throws IOException {
            if (position == length) {
                length = in.read(buffer);
                position = 0;
                if (length <= 0) {
                    length = 0;
                    return -1;
                }
            }
            return buffer[position++];
        }

        private void add(List<String> fields, StringBuilder field) {
            if (fields.size() == maxColumns) {
                throw new LimitExceededException(
                        "maxColumns", maxColumns, "line %d has more than %d fields".formatted(number, maxColumns));
            }
            fields.add(field.toString().trim());
            field.setLength(0);
        }

        private void append(StringBuilder field, char ch, int column) {
            if (field.length() == MAX_FIELD_CHARS) {
                throw new InvalidDataException("line %d, column %d: a field longer than %d characters"
                        .formatted(number, column, MAX_FIELD_CHARS));
            }
            field.append(ch);
        }
    }

    /** Classes in sorted order (numerically when every label is a number), indexed from 0. */
    private static Map<String, Integer> classIndices(List<String> labelValues) {
        boolean numeric = labelValues.stream().allMatch(CsvTables::isNumber);
        TreeSet<String> distinct = new TreeSet<>(
                numeric ? (a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)) : String::compareTo);
        distinct.addAll(labelValues);
        Map<String, Integer> indices = new TreeMap<>(distinct.comparator());
        for (String name : distinct) {
            indices.put(name, indices.size());
        }
        return indices;
    }

    private static int labelIndex(String labelColumn, String[] names, int columns) {
        if (names != null) {
            for (int c = 0; c < names.length; c++) {
                if (names[c].equals(labelColumn)) {
                    return c;
                }
            }
        }
        try {
            int index = Integer.parseInt(labelColumn);
            if (index >= 0 && index < columns) {
                return index;
            }
        } catch (NumberFormatException e) {
            // not an index either; reported below
        }
        throw new InvalidDataException("no label column '" + labelColumn + "'; the columns are "
                + (names != null ? List.of(names) : "0 to " + (columns - 1) + " (the file has no header)"));
    }

    private static float number(String field, int line, String column) {
        try {
            double v = Double.parseDouble(field);
            if (Double.isFinite(v)) {
                return (float) v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidDataException("line %d, column %s: '%s' is not a finite number"
                .formatted(line, column, field.length() > 40 ? field.substring(0, 40) + "..." : field));
    }

    /**
     * A first line is a header when it names the label column, or when a field other than a
     * label column given by index is not a number (labels may be words in every row).
     */
    private static boolean isHeader(String[] first, String labelColumn) {
        int labelIndex = -1;
        if (labelColumn != null) {
            if (!isNumber(labelColumn) && List.of(first).contains(labelColumn)) {
                return true;
            }
            try {
                labelIndex = Integer.parseInt(labelColumn);
            } catch (NumberFormatException e) {
                labelIndex = -1;
            }
        }
        for (int c = 0; c < first.length; c++) {
            if (c != labelIndex && !isNumber(first[c])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumber(String field) {
        try {
            Double.parseDouble(field);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
