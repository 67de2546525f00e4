package dev.gansvc.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvTablesTest {

    @Test
    void headerLabelColumnByNameAndClassesInSortedOrder() {
        TabularDataset t = CsvTables.read(new StringReader("""
                sepal,petal,"species"
                5.1, 1.4, setosa
                6.3,4.9,versicolor

                5.0,1.5,"setosa"
                """), "species", 100, 1000, 1000);
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.exampleShape()).containsExactly(2);
        assertThat(t.classNames()).containsExactly("setosa", "versicolor");
        assertThat(t.labels()).containsExactly(0, 1, 0);
        assertThat(t.batch(new int[] {1}).toFloatVector()).containsExactly(6.3f, 4.9f);
    }

    @Test
    void numericLabelsByIndexWithoutHeaderSortNumerically() {
        TabularDataset t = CsvTables.read(new StringReader("1,10\n2,9\n3,10\n4,2\n"), "1", 100, 1000, 1000);
        assertThat(t.classNames()).containsExactly("2", "9", "10");
        assertThat(t.labels()).containsExactly(2, 1, 2, 0);
        TabularDataset unlabelled = CsvTables.read(new StringReader("1,10\n2,9\n"), null, 100, 1000, 1000);
        assertThat(unlabelled.exampleShape()).containsExactly(2);
        assertThat(unlabelled.classCount()).isEqualTo(1);
        assertThat(unlabelled.classNames()).isEmpty();
    }

    @Test
    void aTableWiderThanTheFirstReservationReadsWhole() {
        int columns = 1_500_000;
        StringBuilder csv = new StringBuilder();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < columns; c++) {
                csv.append(c == 0 ? "" : ",").append(c % 7 == 0 ? r : 0);
            }
            csv.append('\n');
        }
        TabularDataset t = CsvTables.read(new StringReader(csv.toString()), null, 10, 2_000_000, 10_000_000);
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.exampleShape()).containsExactly(columns);
        assertThat(t.batch(new int[] {2}).getFloat(0, 7)).isEqualTo(2f);
        assertThat(t.batch(new int[] {2}).getFloat(0, columns - 1)).isEqualTo(0f);
        assertThatThrownBy(() -> CsvTables.read(new StringReader(csv.toString()), null, 10, 2_000_000, 4_000_000))
                .hasMessageContaining("more than 4000000 values");
    }

    @Test
    void aLineWiderThanTheColumnLimitIsRefusedBeforeItIsReadWhole() {
        // An endless first line: only a refusal partway through it can end the read.
        Reader endless = new Reader() {
            long read;

            @Override
            public int read(char[] buffer, int offset, int length) {
                for (int i = 0; i < length; i++) {
                    buffer[offset + i] = (read + i) % 2 == 0 ? '7' : ',';
                }
                read += length;
                return length;
            }

            @Override
            public void close() {}
        };
        assertThatThrownBy(() -> CsvTables.read(endless, null, 10, 1000, 1_000_000))
                .isInstanceOfSatisfying(
                        LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo("maxColumns"))
                .hasMessage("line 1 has more than 1000 fields");
        String longField = "1," + "9".repeat(300) + "\n";
        assertThatThrownBy(() -> CsvTables.read(new StringReader(longField), null, 10, 1000, 1000))
                .hasMessage("line 1, column 1: a field longer than 256 characters");
    }

    @Test
    void linesEndAtAnyNewlineAndQuotesMayBeDoubled() {
        TabularDataset t =
                CsvTables.read(new StringReader("x,label\r\n1,\"a \"\"b\"\"\"\r2,c\n"), "label", 10, 1000, 1000);
        assertThat(t.classNames()).containsExactly("a \"b\"", "c");
        assertThat(t.batch(new int[] {0, 1}).toFloatVector()).containsExactly(1f, 2f);
    }

    @Test
    void errorsSayWhereAndWhy() {
        assertThatThrownBy(() -> CsvTables.read(new StringReader("a,b\n1,2\n3,x\n"), null, 100, 1000, 1000))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("line 3, column b: 'x' is not a finite number");
        assertThatThrownBy(() -> CsvTables.read(new StringReader("a,b\n1,2\n3\n"), null, 100, 1000, 1000))
                .hasMessage("line 3 has 1 fields, the header 2");
        assertThatThrownBy(() -> CsvTables.read(new StringReader("a,b\n1,2\n"), "c", 100, 1000, 1000))
                .hasMessage("no label column 'c'; the columns are [a, b]");
        assertThatThrownBy(() -> CsvTables.read(new StringReader("1,NaN\n"), null, 100, 1000, 1000))
                .hasMessage("line 1, column 1: 'NaN' is not a finite number");
        assertThatThrownBy(() -> CsvTables.read(new StringReader("1\n2\n3\n"), null, 2, 1000, 1000))
                .hasMessage("more than 2 rows");
        assertThatThrownBy(() -> CsvTables.read(new StringReader("y\na\n"), "y", 10, 1000, 1000))
                .hasMessage("no feature columns besides the label");
        assertThatThrownBy(() -> CsvTables.read(new StringReader("\n\n"), null, 10, 1000, 1000))
                .hasMessage("no rows");
        assertThatThrownBy(() -> CsvTables.read(new StringReader("1,2\n3,4\n"), null, 10, 1000, 3))
                .hasMessage("more than 3 values");
    }
}
