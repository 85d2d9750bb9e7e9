package app.descent.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.UserInputException;
import app.descent.network.ModelZoo;
import app.descent.network.NetworkJson;
import app.descent.training.WeightFiles;
import app.descent.training.data.CsvLoader;
import app.descent.training.data.IdxReader;
import app.descent.ui.practice.Progress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every file Descent reads, fed empty, truncated, random, huge and wrong-typed content: each read ends in a result
 * or the project's own error naming the file; binary headers are checked before anything is allocated.
 */
class FileReadersFuzzTest {
    static Path dir;
    static final List<String> NETWORKS = List.of(NetworkJson.toJson(ModelZoo.create("lenet5"), List.of(1, 1, 28, 28)),
            NetworkJson.toJson(ModelZoo.create("mlp"), null));
    static final String PROGRESS = "{\"practice\": {\"topics\": {\"backprop\": {\"attempted\": 3, \"correct\": 2}},"
            + " \"missed\": [{\"topic\": \"backprop\", \"seed\": 7, \"question\": \"∂f/∂x?\"}]},"
            + " \"lessons\": {\"backprop-basics\": {\"step\": 1, \"done\": false}}}";
    static final List<String> CSVS = List.of("a,b,label\n1,2,cat\n3.5,-4,dog\n", "\uFEFF1;2,5;0\n3;4;1\n",
            "\"x, y\",z,label\n\"1\",2,\"a \"\"b\"\"\"\n1e-3,4,c\n", "1\t2\t0\n3\t4\t1\n");

    @BeforeContainer
    static void folder() throws IOException {
        dir = Files.createTempDirectory("descent-fuzz");
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static void ownErrorNamingTheFile(UserInputException e, Path file) {
        assertThat(e.getMessage()).isNotBlank();
        if (file != null) {
            assertThat(e.getMessage()).contains(file.getFileName().toString());
        }
    }

    @Property(seed = "1521")
    void networkJson(@ForAll("networkTexts") String text) throws IOException {
        // getBytes writes a lone surrogate (a mutation may cut an emoji in half) as '?', as an editor would
        Path f = Files.write(dir.resolve("net.json"), text.getBytes(StandardCharsets.UTF_8));
        try {
            assertThat(NetworkJson.load(f).network()).isNotNull();
        } catch (UserInputException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(seed = "1522")
    void practiceProgress(@ForAll("progressTexts") String text) throws IOException {
        Path f = Files.write(dir.resolve("progress.json"), text.getBytes(StandardCharsets.UTF_8));
        Progress p = new Progress(f);
        Progress.Tally t = p.tally("backprop");
        assertThat(t.attempted()).isGreaterThanOrEqualTo(t.correct());
        assertThat(t.correct()).isGreaterThanOrEqualTo(0);
        assertThat(p.missed()).isNotNull();
    }

    @Property(seed = "1523")
    void csvTables(@ForAll("csvBytes") byte[] content) throws IOException {
        Path f = Files.write(dir.resolve("data.csv"), content);
        try {
            assertThat(CsvLoader.load(f).count()).isPositive();
        } catch (UserInputException e) {
            ownErrorNamingTheFile(e, f);
        }
    }

    @Property(seed = "1524")
    void idxFiles(@ForAll("idxPairs") byte[][] pair) throws IOException {
        Path images = Files.write(dir.resolve("images-idx3-ubyte"), pair[0]);
        Path labels = Files.write(dir.resolve("labels-idx1-ubyte"), pair[1]);
        try {
            assertThat(IdxReader.read(images, labels, List.of("0", "1", "2")).count()).isGreaterThanOrEqualTo(0);
        } catch (UserInputException e) {
            assertThat(e.getMessage()).containsAnyOf("images-idx3-ubyte", "labels-idx1-ubyte");
        }
    }

    @Property(seed = "1525")
    void npzCheckpoints(@ForAll("npzBytes") byte[] content) throws IOException {
        Path f = Files.write(dir.resolve("epoch-001.npz"), content);
        try {
            assertThat(WeightFiles.read(f)).isEqualTo(content);
        } catch (UserInputException e) {
            ownErrorNamingTheFile(e, f);
        }
    }

    @Provide
    Arbitrary<String> networkTexts() {
        return Arbitraries.longs().map(seed -> Math.floorMod(seed, 50) == 0 ? huge(seed)
                : Mutations.text(NETWORKS.get((int) Math.floorMod(seed, 2)), seed));
    }

    private static String huge(long seed) {
        return Math.floorMod(seed, 3) == 0 ? "[".repeat(100_000) : "{\"a\": \"" + "x".repeat(2_000_000) + "\"}";
    }

    @Provide
    Arbitrary<String> progressTexts() {
        return Arbitraries.longs().map(seed -> Math.floorMod(seed, 50) == 0 ? huge(seed) : Mutations.text(PROGRESS, seed));
    }

    @Provide
    Arbitrary<byte[]> csvBytes() {
        return Arbitraries.longs().map(seed -> Mutations.bytes(
                CSVS.get((int) Math.floorMod(seed, CSVS.size())).getBytes(StandardCharsets.UTF_8), seed));
    }

    @Provide
    Arbitrary<byte[][]> idxPairs() {
        return Arbitraries.longs().map(seed -> {
            byte[][] pair = {idx(true, Math.floorMod(seed, 3) == 0), idx(false, Math.floorMod(seed, 5) == 0)};
            int which = (int) Math.floorMod(seed >> 3, 3);
            if (which != 1) {
                pair[0] = Mutations.bytes(pair[0], seed);
            }
            if (which != 0) {
                pair[1] = Mutations.bytes(pair[1], seed + 1);
            }
            return pair;
        });
    }

    /** A valid IDX file of four 3×2 images or their labels, raw or gzipped. */
    static byte[] idx(boolean images, boolean gzip) {
        ByteBuffer b = ByteBuffer.allocate(images ? 16 + 24 : 8 + 4);
        b.putInt(images ? 0x803 : 0x801).putInt(4);
        if (images) {
            b.putInt(3).putInt(2);
            for (int i = 0; i < 24; i++) {
                b.put((byte) (i * 10));
            }
        } else {
            b.put(new byte[] {0, 1, 2, 1});
        }
        if (!gzip) {
            return b.array();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b.array());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static final List<byte[]> NPZ = List.of(resource("inspect-mlp.npz"), resource("inspect-smooth.npz"));

    private static byte[] resource(String name) {
        try (InputStream in = FileReadersFuzzTest.class.getResourceAsStream("/reference/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<byte[]> npzBytes() {
        return Arbitraries.longs().map(seed -> Mutations.bytes(NPZ.get((int) Math.floorMod(seed, NPZ.size())), seed));
    }
}
