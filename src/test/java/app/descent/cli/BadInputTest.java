package app.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged files and odd input on the command line: exit code 2 and a first line naming what and where. */
class BadInputTest {
    @TempDir
    Path dir;

    private static void oneLineNaming(CliTest.Run r, String... names) {
        assertThat(r.code()).isEqualTo(2);
        String first = r.err().lines().findFirst().orElse("");
        assertThat(first).contains(names).doesNotContain("Exception", "\tat ");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void aBatchFileNestedBeyondJacksonsLimitIsNamed() throws Exception {
        Path f = Files.writeString(dir.resolve("deep.json"), "[".repeat(5000));
        oneLineNaming(CliTest.run("grad", "--json", "--batch", f.toString()), "deep.json", "not valid JSON");
        Path bin = Files.write(dir.resolve("bin.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        oneLineNaming(CliTest.run("grad", "--json", "--batch", bin.toString()), "bin.json");
    }

    @Test
    void aDamagedCsvOrCodeFileIsNamedWithItsLine() throws Exception {
        Path code = Files.writeString(dir.resolve("net.py"), "net = nn.Sequential(nn.Linear(10, 7),\n");
        oneLineNaming(CliTest.run("summary", code.toString()), "line");
        Path binary = Files.write(dir.resolve("weights.py"), new byte[] {(byte) 0xc3, 0x28, 0, 0});
        oneLineNaming(CliTest.run("summary", binary.toString()), "weights.py");
    }
}
