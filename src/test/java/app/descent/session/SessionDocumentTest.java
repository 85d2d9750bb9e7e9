package app.descent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionDocumentTest {
    @TempDir
    Path dir;

    static ObjectNode state(String key, String value) {
        return SessionDocument.mapper().createObjectNode().put(key, value);
    }

    static SessionDocument sample() {
        Map<String, ObjectNode> ws = new LinkedHashMap<>();
        ws.put("practice", state("topic", "backprop"));
        ws.put("backprop", state("expression", "x*y"));
        SessionFiles files = new SessionFiles();
        files.put("run 1.npz", new byte[] {1, 2, 3});
        return new SessionDocument(Instant.parse("2026-12-04T20:30:00Z"), ws, files);
    }

    /** A zip with the given entries (name, text). */
    Path zip(String name, String... entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries.length; i += 2) {
                z.putNextEntry(new ZipEntry(entries[i]));
                z.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    static String doc(int version) {
        return "{\"format\": \"descent-session\", \"version\": " + version
                + ", \"savedAt\": \"2026-12-04T20:30:00Z\", \"workspaces\": {\"backprop\": {\"expression\": \"x\"}}}";
    }

    @Test
    void aWrittenSessionReadsBackWithItsWorkspacesAndEntries() throws Exception {
        Path f = dir.resolve("demo.descent");
        sample().write(f);
        SessionDocument back = SessionDocument.read(f);
        assertThat(back.savedAt()).isEqualTo(Instant.parse("2026-12-04T20:30:00Z"));
        assertThat(back.workspaces().keySet()).as("workspaces in the shown order").containsExactly("backprop",
                "practice");
        assertThat(back.workspaces().get("backprop").path("expression").asText()).isEqualTo("x*y");
        assertThat(back.files().get("run_1.npz")).containsExactly(1, 2, 3);
        try (ZipFile z = new ZipFile(f.toFile())) {
            String json = new String(z.getInputStream(z.getEntry("session.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(json).as("pretty-printed, human-readable").contains("\n  \"version\" : 1");
            assertThat(z.getEntry("files/run_1.npz")).isNotNull();
        }
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactly("demo.descent");
        }
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.descent"), "just some text");
        assertThatThrownBy(() -> SessionDocument.read(f)).isInstanceOf(SessionException.class)
                .hasMessage("notes.descent: not a Descent session (not a zip file: damaged or another kind of file)");
    }

    @Test
    void aZipWithoutSessionJsonIsRefused() throws Exception {
        Path f = zip("other.descent", "readme.txt", "hello");
        assertThatThrownBy(() -> SessionDocument.read(f)).isInstanceOf(SessionException.class)
                .hasMessageContaining("other.descent").hasMessageContaining("holds no session.json");
    }

    @Test
    void badJsonIsRefusedWithItsPlace() throws Exception {
        Path f = zip("bad.descent", "session.json", "{\"format\": \"descent-session\",\n \"version\": }");
        assertThatThrownBy(() -> SessionDocument.read(f)).isInstanceOf(SessionException.class)
                .hasMessageContaining("bad.descent: session.json is not valid JSON at line 2")
                .message().doesNotContain("\n");
    }

    @Test
    void aForeignFileIsRefused() throws Exception {
        Path f = zip("foreign.descent", "session.json", "{\"format\": \"something-else\", \"version\": 1}");
        assertThatThrownBy(() -> SessionDocument.read(f)).isInstanceOf(SessionException.class)
                .hasMessageContaining("foreign.descent: not a Descent session");
    }

    @Test
    void aNewerVersionIsRefusedNamingBoth() throws Exception {
        Path f = zip("future.descent", "session.json", doc(SessionDocument.VERSION + 1));
        assertThatThrownBy(() -> SessionDocument.read(f)).isInstanceOf(SessionException.class)
                .hasMessage("future.descent: saved by a newer Descent: session version " + (SessionDocument.VERSION + 1)
                        + ", this one reads up to " + SessionDocument.VERSION);
        assertThat(SessionDocument.read(zip("now.descent", "session.json", doc(1))).workspaces()).containsKey(
                "backprop");
    }

    @Test
    void aMissingEntryIsRefused() throws Exception {
        String json = doc(1).replace("}}}", "}}, \"files\": [\"run-1.npz\"]}");
        Path f = zip("lacking.descent", "session.json", json);
        assertThatThrownBy(() -> SessionDocument.read(f)).isInstanceOf(SessionException.class)
                .hasMessage("lacking.descent: the session file lacks its entry files/run-1.npz");
    }

    @Test
    void anUnknownWorkspaceAndAMissingFileAreRefused() throws Exception {
        Path f = zip("odd.descent", "session.json", doc(1).replace("backprop", "spreadsheet"));
        assertThatThrownBy(() -> SessionDocument.read(f)).isInstanceOf(SessionException.class)
                .hasMessageContaining("unknown workspace 'spreadsheet'");
        assertThatThrownBy(() -> SessionDocument.read(dir.resolve("gone.descent"))).isInstanceOf(
                SessionException.class).hasMessage("gone.descent: no such file");
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        Path f = dir.resolve("whole.descent");
        sample().write(f);
        byte[] all = Files.readAllBytes(f);
        Path cut = Files.write(dir.resolve("cut.descent"), java.util.Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> SessionDocument.read(cut)).isInstanceOf(SessionException.class)
                .hasMessageContaining("cut.descent");
    }
}
