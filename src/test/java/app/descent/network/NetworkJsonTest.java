package app.descent.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkJsonTest {
    @TempDir
    Path dir;

    @Test
    void roundTrip() {
        for (String name : ModelZoo.names()) {
            Network n = ModelZoo.create(name).freeze("[0:2]");
            Path f = dir.resolve(name + ".json");
            NetworkJson.save(f, n, ModelZoo.defaultInput(name));
            NetworkJson.Document d = NetworkJson.load(f);
            assertThat(d.network()).as(name).isEqualTo(n);
            assertThat(d.input()).contains(ModelZoo.defaultInput(name));
        }
        Network odd = Network.sequential(LayerSpec.of("LayerNorm", List.of(List.of(4, 5)), Map.of("eps", 1e-6)),
                LayerSpec.of("AdaptiveAvgPool2d", java.util.Arrays.asList(null, 2)), LayerSpec.of("LSTM", List.of(2, 3), Map.of("dropout", 0.25)));
        NetworkJson.save(dir.resolve("odd.json"), odd);
        assertThat(NetworkJson.load(dir.resolve("odd.json")).network()).isEqualTo(odd);
        assertThat(NetworkJson.load(dir.resolve("odd.json")).input()).isEmpty();
    }

    @Test
    void corruptAndNewerFiles() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"format\": \"descent-network\", \"version\": 1, \"root\": {\"container\": ");
        assertThatThrownBy(() -> NetworkJson.load(f)).isInstanceOf(NetworkException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("corrupt JSON");
        Files.writeString(f, "{\"format\": \"descent-network\", \"version\": 7, \"root\": {}}");
        assertThatThrownBy(() -> NetworkJson.load(f)).hasMessageContaining("version 7 is newer than this Descent supports (1)");
        Files.writeString(f, "{\"hello\": 1}");
        assertThatThrownBy(() -> NetworkJson.load(f)).hasMessageContaining("not a Descent network file");
        Files.writeString(f, "{\"format\": \"descent-network\", \"version\": 1, \"root\": {\"container\": \"sequential\", \"children\": ["
                + "{\"layer\": \"Linear\", \"name\": \"0\", \"args\": {\"in_features\": 3}}]}}");
        assertThatThrownBy(() -> NetworkJson.load(f)).hasMessageContaining("Linear missing required argument 'out_features'");
        assertThatThrownBy(() -> NetworkJson.load(dir.resolve("missing.json"))).isInstanceOf(NetworkException.class);
    }

    @Test
    void failedSaveKeepsTheOldFile() throws Exception {
        Path f = dir.resolve("net.json");
        Network good = ModelZoo.create("mlp");
        NetworkJson.save(f, good);
        String before = Files.readString(f);
        Object poison = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("cannot serialise");
            }
        };
        Network bad = Network.sequential(LayerSpec.of("Linear", List.of(3, 2), Map.of("device", poison)));
        assertThatThrownBy(() -> NetworkJson.save(f, bad)).isInstanceOf(RuntimeException.class);
        assertThat(Files.readString(f)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("net.json");
        }
    }
}
