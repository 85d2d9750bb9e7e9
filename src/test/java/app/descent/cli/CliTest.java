package app.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Cli.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: descent", "doctor");
    }

    @Test
    void versionNamesDescentAndItsStack() {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Descent 0.1.0", "JavaFX 21.0", "DJL 0.32.0");
    }

    @Test
    void unknownCommandIsOneLineAndExitCode2() {
        Run r = run("frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("frobnicate").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badOptionIsOneLineAndExitCode2() {
        Run r = run("doctor", "--jsonn");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--jsonn").doesNotContain("Exception");
    }

    @Test
    void noCommandAsksForOne() {
        Run r = run("--json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n");
    }
}
