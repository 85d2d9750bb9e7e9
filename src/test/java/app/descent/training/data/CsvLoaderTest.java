package app.descent.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void headerIsDetectedAndStringLabelsBecomeSortedClasses() throws IOException {
        TabularSet set = CsvLoader.load(csv("height,weight,kind\n1.5,60,dog\n0.3,4,cat\n1.7,70,dog\n"));
        assertThat(set.featureNames()).containsExactly("height", "weight");
        assertThat(set.classNames()).containsExactly("cat", "dog");
        assertThat(set.labels()).containsExactly(1, 0, 1);
        assertThat(set.row(1)).containsExactly(0.3f, 4f);
    }

    @Test
    void noHeaderIntegerLabelsAndSemicolons() throws IOException {
        TabularSet set = CsvLoader.load(csv("1;2;5\n3;4;7\n\n5;6;5\n"));
        assertThat(set.count()).isEqualTo(3);
        assertThat(set.featureNames()).containsExactly("x1", "x2");
        assertThat(set.classNames()).containsExactly("5", "7");
        assertThat(set.labels()).containsExactly(0, 1, 0);
    }

    @Test
    void labelColumnByName() throws IOException {
        TabularSet set = CsvLoader.load(csv("y,a,b\n1,0.5,0.25\n0,1,2\n"), "y");
        assertThat(set.featureNames()).containsExactly("a", "b");
        assertThat(set.labels()).containsExactly(1, 0);
    }

    @Test
    void badRowsNameTheLine() throws IOException {
        assertThatThrownBy(() -> CsvLoader.load(csv("a,b,label\n1,2,0\n1,abc,1\n")))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("data.csv line 3").hasMessageContaining("column 2 'abc' is not a number");
        assertThatThrownBy(() -> CsvLoader.load(csv("a,b,label\n1,2,0\n1,2\n")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("line 3: 2 columns, expected 3");
        assertThatThrownBy(() -> CsvLoader.load(csv("\n\n"))).isInstanceOf(DatasetException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> CsvLoader.load(dir.resolve("nope.csv"))).isInstanceOf(DatasetException.class)
                .hasMessageContaining("nope.csv").hasMessageContaining("not found");
        assertThatThrownBy(() -> CsvLoader.load(csv("a,b\n1,2\n"), "z")).isInstanceOf(DatasetException.class)
                .hasMessageContaining("no label column 'z'");
    }

    @Test
    void aQuotedFieldMayHoldTheSeparator() throws IOException {
        TabularSet t = CsvLoader.load(csv("a,b,label\n1,2,\"cat, small\"\n3,4,dog\n\"5\",6,\"cat, small\"\n"));
        assertThat(t.count()).isEqualTo(3);
        assertThat(t.classNames()).containsExactly("cat, small", "dog");
        assertThat(t.labels()).containsExactly(0, 1, 0);
    }

    @Test
    void aByteOrderMarkDoesNotMakeTheFirstDataRowAHeader() throws IOException {
        TabularSet t = CsvLoader.load(csv("\uFEFF1,2,0\n3,4,1\n"));
        assertThat(t.count()).isEqualTo(2);
        assertThat(t.featureNames()).containsExactly("x1", "x2");
        TabularSet named = CsvLoader.load(csv("\uFEFFa,b,label\n1,2,0\n"));
        assertThat(named.featureNames()).containsExactly("a", "b");
    }

    @Test
    void semicolonFilesWithDecimalCommasAreReadAsEuropeanSpreadsheetsSaveThem() throws IOException {
        TabularSet t = CsvLoader.load(csv("1,5;2,3;0\n-0,25;4;1\n"));
        assertThat(t.count()).isEqualTo(2);
        assertThat(t.features()).isEqualTo(2);
        assertThat(t.x()).containsExactly(1.5f, 2.3f, -0.25f, 4f);
        TabularSet headed = CsvLoader.load(csv("Länge;Breite;Art\r\n1,5;2,3;a\r\n3;4,75;b\r\n"));
        assertThat(headed.featureNames()).containsExactly("Länge", "Breite");
        assertThat(headed.x()).containsExactly(1.5f, 2.3f, 3f, 4.75f);
    }

    @Test
    void anUnclosedQuoteOrJavaOnlyNumbersAreMessagesWithTheLine() throws IOException {
        assertThatThrownBy(() -> CsvLoader.load(csv("a,b,label\n1,2,0\n1,\"2,1\n")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("data.csv");
        assertThatThrownBy(() -> CsvLoader.load(csv("a,b,label\n1,2,0\n\n1,2f,1\n")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("line 4: column 2 '2f' is not a number");
        assertThatThrownBy(() -> CsvLoader.load(csv("a,b,label\n1,NaN,0\n")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("line 2: column 2 'NaN' is not a number");
    }
}
