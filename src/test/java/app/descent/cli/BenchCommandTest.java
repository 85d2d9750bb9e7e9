package app.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The bench runs and reports its keys; speed itself is measured by `descent bench`, never asserted here. */
class BenchCommandTest {

    @Test
    void reportsTheContractKeys() throws Exception {
        CliTest.Run r = CliTest.run("bench", "--json", "--seconds", "0.3");
        assertThat(r.code()).isZero();
        JsonNode doc = Json.MAPPER.readTree(r.out());
        for (String key : new String[] {"samplesPerSecond", "bareDjlSamplesPerSecond", "toyStepsPerSecond",
            "ratioToBareDjl", "stagedBareDjlSamplesPerSecond", "ratioToStagedBareDjl", "libtorchThreads",
            "flopsPerSample", "achievedGflops", "matmulGflops", "shareOfLimit"}) {
            assertThat(doc.get(key).asDouble()).as(key).isPositive();
        }
        assertThat(doc.has("windowStepsPerSecond")).isFalse();
        // the achieved rate is the samples' FLOPs, and the share is of the limit measured beside it
        assertThat(doc.get("flopsPerSample").asLong()).isEqualTo(app.descent.training.Bench.flopsPerSample(
                app.descent.training.Bench.network()));
        assertThat(doc.get("achievedGflops").asDouble()).isCloseTo(doc.get("samplesPerSecond").asDouble()
                * doc.get("flopsPerSample").asLong() / 1e9, org.assertj.core.data.Offset.offset(0.006));
        assertThat(doc.get("shareOfLimit").asDouble()).isLessThan(2);
    }

    @Test
    void theWindowBenchTrainsAndDrawsInTheTrainingWorkspace() throws Exception {
        CliTest.Run r = CliTest.run("bench", "--json", "--window", "--seconds", "0.5");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = Json.MAPPER.readTree(r.out());
        for (String key : new String[] {"windowStepsPerSecond", "boundaryPicturesPerSecond"}) {
            assertThat(doc.get(key).asDouble()).as(key).isPositive();
        }
        assertThat(doc.get("threadLoad").get("descent-training").asDouble()).isPositive();
    }

    @Test
    void startupTimesTheShellsFirstFrameAgainstABareWindowInFreshProcesses() throws Exception {
        CliTest.Run r = CliTest.run("bench", "--startup", "--runs", "1", "--workspace", "compare", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = Json.MAPPER.readTree(r.out());
        assertThat(doc.get("startupMillis").asLong()).isPositive();
        assertThat(doc.get("baselineMillis").asLong()).isPositive();
        assertThat(doc.get("startupRatio").asDouble()).isPositive();
        assertThat(doc.get("workspace").asText()).isEqualTo("compare");
        assertThat(doc.get("startupRunsMillis")).hasSize(1);
        assertThat(doc.has("samplesPerSecond")).isFalse();
    }

    @Test
    void startupRefusesAnUnknownWorkspace() {
        CliTest.Run r = CliTest.run("bench", "--startup", "--workspace", "nope");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown workspace 'nope'").contains("compare");
    }

    @Test
    void badSecondsAreRefused() {
        assertThat(CliTest.run("bench", "--seconds", "-1").code()).isEqualTo(2);
        assertThat(CliTest.run("bench", "--seconds", "abc").code()).isEqualTo(2);
    }
}
