package app.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class DoctorCommandTest {

    @Test
    void jsonReportsEngineDevicesDatasetsAndARealCheck() throws Exception {
        CliTest.Run r = CliTest.run("doctor", "--json");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode doc = Json.MAPPER.readTree(r.out());
        assertThat(doc.get("java").asText()).startsWith("17");
        assertThat(doc.get("javafx").asText()).startsWith("21.0");
        assertThat(doc.get("djl").asText()).isEqualTo("0.32.0");
        assertThat(doc.get("platform").asText()).isIn("linux-x86_64", "win-x86_64", "osx-aarch64");
        assertThat(doc.get("engine").asText()).isEqualTo("PyTorch");
        assertThat(doc.get("engineVersion").asText()).isEqualTo("2.5.1");
        assertThat(doc.get("devices").get(0).asText()).isEqualTo("cpu");
        assertThat(doc.get("check").asText()).isEqualTo("ok");
        JsonNode datasets = doc.get("datasets");
        assertThat(datasets).hasSize(2);
        assertThat(datasets.get(0).get("name").asText()).isEqualTo("mnist");
        assertThat(datasets.get(0).get("train").asInt()).isEqualTo(8_000);
        assertThat(datasets.get(0).get("test").asInt()).isEqualTo(2_000);
        assertThat(datasets.get(1).get("name").asText()).isEqualTo("fashion-mnist");
        assertThat(datasets.get(1).get("train").asInt()).isEqualTo(60_000);
        assertThat(datasets.get(1).get("test").asInt()).isEqualTo(10_000);
    }

    @Test
    void missingDatasetsFailTheCheckWithAReason() {
        String old = System.getProperty("descent.datasets");
        System.setProperty("descent.datasets", "/nonexistent/descent-datasets");
        try {
            CliTest.Run r = CliTest.run("doctor", "--json");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).contains("\"check\":\"failed: ");
        } finally {
            if (old == null) {
                System.clearProperty("descent.datasets");
            } else {
                System.setProperty("descent.datasets", old);
            }
        }
    }
}
