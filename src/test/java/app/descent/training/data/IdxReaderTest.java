package app.descent.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    private static final List<String> TWO = List.of("a", "b");

    @TempDir
    Path dir;

    private Path images(String name, int magic, int count, int rows, int cols, int pixelBytes, boolean gzip)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int i = 0; i < pixelBytes; i++) {
            out.writeByte(i % 256);
        }
        return write(name, bytes.toByteArray(), gzip);
    }

    private Path labels(String name, int count, int... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IdxReader.LABELS);
        out.writeInt(count);
        for (int v : values) {
            out.writeByte(v);
        }
        return write(name, bytes.toByteArray(), true);
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        if (gzip) {
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(z)) {
                out.write(content);
            }
            content = z.toByteArray();
        }
        Files.write(file, content);
        return file;
    }

    @Test
    void readsRawAndGzippedFilesScaledToUnitRange() throws IOException {
        for (boolean gzip : new boolean[] {true, false}) {
            Path img = images("img" + gzip, IdxReader.IMAGES, 2, 2, 2, 8, gzip);
            ImageSet set = IdxReader.read(img, labels("lbl" + gzip, 2, 1, 0), TWO);
            assertThat(set.count()).isEqualTo(2);
            assertThat(set.labels()).containsExactly(1, 0);
            assertThat(set.image(1)).containsExactly(4 / 255f, 5 / 255f, 6 / 255f, 7 / 255f);
            assertThat(IdxReader.count(img)).isEqualTo(2);
        }
    }

    @Test
    void wrongMagicNamesTheFile() throws IOException {
        Path img = images("swapped.gz", IdxReader.LABELS, 2, 2, 2, 8, true);
        assertThatThrownBy(() -> IdxReader.read(img, labels("l.gz", 2, 0, 1), TWO))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("swapped.gz").hasMessageContaining("wrong magic number 0x00000801");
    }

    @Test
    void truncatedPixelsAreReported() throws IOException {
        Path img = images("short.gz", IdxReader.IMAGES, 2, 2, 2, 5, true);
        assertThatThrownBy(() -> IdxReader.read(img, labels("l.gz", 2, 0, 1), TWO))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("short.gz").hasMessageContaining("truncated").hasMessageContaining("found 5");
    }

    @Test
    void truncatedHeaderAndGarbageAreReported() throws IOException {
        Path tiny = write("tiny", new byte[] {0, 0, 8}, false);
        assertThatThrownBy(() -> IdxReader.count(tiny)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("tiny").hasMessageContaining("truncated");
        Path garbage = write("garbage.gz", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9}, false);
        assertThatThrownBy(() -> IdxReader.count(garbage)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("garbage.gz");
        assertThatThrownBy(() -> IdxReader.count(dir.resolve("missing.gz"))).isInstanceOf(DatasetException.class)
                .hasMessageContaining("missing.gz").hasMessageContaining("not found");
    }

    @Test
    void countMismatchAndLabelRangeAreReported() throws IOException {
        Path img = images("img.gz", IdxReader.IMAGES, 2, 2, 2, 8, true);
        assertThatThrownBy(() -> IdxReader.read(img, labels("three.gz", 3, 0, 1, 0), TWO))
                .isInstanceOf(DatasetException.class).hasMessageContaining("2 images but three.gz has 3 labels");
        assertThatThrownBy(() -> IdxReader.read(img, labels("big.gz", 2, 0, 7), TWO))
                .isInstanceOf(DatasetException.class).hasMessageContaining("big.gz").hasMessageContaining("label 7");
    }
}
