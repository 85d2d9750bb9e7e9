package app.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.session.SessionDocument;
import app.descent.session.SessionFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code descent session show}: the JSON's keys exactly, a short summary, and exit 2 for files it cannot read. */
class SessionCommandTest {
    @TempDir
    Path dir;

    Path session() throws Exception {
        Map<String, ObjectNode> ws = new LinkedHashMap<>();
        for (String id : SessionDocument.WORKSPACES) {
            ws.put(id, Json.MAPPER.createObjectNode().put("seed", 7));
        }
        ws.get("backprop").put("expression", "x*y");
        Path f = dir.resolve("demo.descent");
        new SessionDocument(Instant.parse("2026-12-04T20:30:00Z"), ws, new SessionFiles()).write(f);
        return f;
    }

    @Test
    void jsonHasExactlyVersionSavedAtAndTheWorkspaces() throws Exception {
        CliTest.Run r = CliTest.run("session", "show", "--json", session().toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(iterate(j)).containsExactly("version", "savedAt",
                "workspaces");
        assertThat(j.get("version").asInt()).isEqualTo(1);
        assertThat(j.get("savedAt").asText()).isEqualTo("2026-12-04T20:30:00Z");
        assertThat(iterate(j.get("workspaces"))).containsExactly("backprop", "builder", "training", "compare",
                "practice", "lessons");
        assertThat(j.at("/workspaces/backprop/expression").asText()).isEqualTo("x*y");
        assertThat(r.out().strip().lines()).hasSize(1);
    }

    private static List<String> iterate(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void withoutJsonAShortSummary() throws Exception {
        CliTest.Run r = CliTest.run("session", "show", session().toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("version 1", "2026-12-04T20:30:00Z").contains("backprop", "expression x*y");
        assertThat(r.out().lines().count()).isEqualTo(7);
    }

    private static void refused(CliTest.Run r, String... names) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(names).doesNotContain("Exception", "\tat ");
    }

    @Test
    void damagedForeignFutureAndMissingFilesExitTwoWithOneLine() throws Exception {
        Path damaged = Files.writeString(dir.resolve("damaged.descent"), "PK not really");
        refused(CliTest.run("session", "show", "--json", damaged.toString()), "damaged.descent", "not a zip");
        Path whole = session();
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.descent"), java.util.Arrays.copyOf(bytes, bytes.length - 30));
        refused(CliTest.run("session", "show", "--json", cut.toString()), "cut.descent");

        Path foreign = dir.resolve("foreign.descent");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(foreign))) {
            z.putNextEntry(new java.util.zip.ZipEntry("session.json"));
            z.write("{\"format\": \"other\"}".getBytes());
        }
        refused(CliTest.run("session", "show", "--json", foreign.toString()), "foreign.descent", "not a Descent session");

        Path future = dir.resolve("future.descent");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(future))) {
            z.putNextEntry(new java.util.zip.ZipEntry("session.json"));
            z.write(("{\"format\": \"descent-session\", \"version\": 9, \"savedAt\": \"2026-12-04T20:30:00Z\","
                    + " \"workspaces\": {}}").getBytes());
        }
        refused(CliTest.run("session", "show", future.toString()), "future.descent",
                "saved by a newer Descent: session version 9, this one reads up to 1");
        refused(CliTest.run("session", "show", "--json", dir.resolve("none.descent").toString()), "none.descent",
                "no such file");
    }

    @Test
    void sessionIsListedAmongTheCommands() {
        assertThat(CliTest.run("--help").out()).contains("session");
        assertThat(CliTest.run("session").code()).isEqualTo(2);
    }
}
