package app.descent.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.descent.UserInputException;
import app.descent.training.WeightFiles;
import app.descent.training.data.IdxReader;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A header may claim gigabytes: the claim is checked against what the file holds before anything is allocated. */
class BinaryHeadersTest {
    @TempDir
    Path dir;

    static byte[] npy(String shape, int dataBytes) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }";
        dict = dict + " ".repeat(63 - (10 + dict.length()) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + dict.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) dict.length()).put(dict.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    static byte[] npz(String name, byte[] npy) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(npy);
        }
        return out.toByteArray();
    }

    @Test
    void anNpzHeaderClaimingGigabytesIsAMessageNotAnAllocation() throws Exception {
        byte[] liar = npz("0.weight.npy", npy("100000, 100000", 16));
        assertThatThrownBy(() -> WeightFiles.check(liar)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("entry '0.weight.npy'").hasMessageContaining("claims more than");
        byte[] short1 = npz("0.bias.npy", npy("7", 12));
        assertThatThrownBy(() -> WeightFiles.check(short1)).isInstanceOf(UserInputException.class)
                .hasMessage("entry '0.bias.npy': shape (7) needs 28 bytes but the entry holds 12");
        Path file = Files.write(dir.resolve("epoch-003.npz"), liar);
        assertThatThrownBy(() -> WeightFiles.read(file)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(file.toString() + ": entry '0.weight.npy'");
        WeightFiles.check(npz("0.bias.npy", npy("7,", 28)));
    }

    @Test
    void anIdxHeaderClaimingGigabytesIsATruncatedFileNotAnAllocation() throws Exception {
        ByteBuffer labels = ByteBuffer.allocate(8 + 3).putInt(0x801).putInt(Integer.MAX_VALUE - 8);
        Path l = Files.write(dir.resolve("labels"), labels.array());
        ByteBuffer images = ByteBuffer.allocate(16 + 6).putInt(0x803).putInt(3).putInt(46_000).putInt(46_000);
        Path i = Files.write(dir.resolve("images"), images.array());
        long before = Runtime.getRuntime().totalMemory();
        assertThatThrownBy(() -> IdxReader.read(i, l, List.of("a", "b"))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("labels: file is truncated");
        Path l3 = Files.write(dir.resolve("labels3"), ByteBuffer.allocate(11).putInt(0x801).putInt(3).array());
        assertThatThrownBy(() -> IdxReader.read(i, l3, List.of("a", "b"))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("images: ");
        assertThat(Runtime.getRuntime().totalMemory() - before).isLessThan(1L << 30);
    }
}
