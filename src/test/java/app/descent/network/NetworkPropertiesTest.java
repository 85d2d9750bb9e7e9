package app.descent.network;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkPropertiesTest {

    /** Random layer types with random (often wrong) argument values; construction or inference may fail, but only nicely. */
    @Property(tries = 400)
    void inferenceOnlyThrowsNetworkException(@ForAll("stacks") List<Map.Entry<String, Map<String, Object>>> stack,
                                             @ForAll("shapes") List<Integer> input) {
        try {
            List<LayerSpec> specs = new ArrayList<>();
            for (Map.Entry<String, Map<String, Object>> e : stack) {
                specs.add(LayerSpec.of(e.getKey(), List.of(), e.getValue()));
            }
            Network net = Network.sequential(specs);
            ShapeInference.Result r = ShapeInference.infer(net, input);
            assertThat(r.layers()).hasSize(specs.size());
            NetworkJson.Document back = NetworkJson.fromJson(NetworkJson.toJson(net, input));
            assertThat(back.network()).isEqualTo(net);
            assertThat(PyTorchImporter.importCode(PyTorchExporter.export(net)).network()).isEqualTo(net);
        } catch (NetworkException expected) {
            assertThat(expected.getMessage()).isNotBlank().doesNotContain("\n");
        }
    }

    @Provide
    Arbitrary<List<Integer>> shapes() {
        return Arbitraries.integers().between(1, 40).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<Map.Entry<String, Map<String, Object>>>> stacks() {
        List<String> types = LayerType.catalog().stream().map(LayerType::name).toList();
        Arbitrary<Object> values = Arbitraries.oneOf(
                Arbitraries.integers().between(-2, 12).map(i -> (Object) i),
                Arbitraries.integers().between(1, 5).list().ofMinSize(1).ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.of((Object) true, false, "same", "valid", "tanh", 0.5, 1e9, -0.1),
                Arbitraries.just(null));
        Arbitrary<Map.Entry<String, Map<String, Object>>> layer = Arbitraries.of(types).flatMap(t -> {
            List<String> names = LayerType.get(t).params().stream().map(LayerType.Param::name).toList();
            if (names.isEmpty()) {
                return Arbitraries.just(Map.entry(t, Map.<String, Object>of()));
            }
            Arbitrary<Map<String, Object>> args = Combinators.combine(Arbitraries.of(names).list().ofMaxSize(4), values.list().ofSize(4))
                    .as((keys, vals) -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        for (int i = 0; i < keys.size(); i++) {
                            m.put(keys.get(i), vals.get(i));
                        }
                        // usually supply the required ones with plausible values
                        for (LayerType.Param p : LayerType.get(t).params()) {
                            if (p.required() && !m.containsKey(p.name())) {
                                m.put(p.name(), 1 + Math.abs(keys.size() * 3 + p.name().length()) % 8);
                            }
                        }
                        return m;
                    });
            return args.map(a -> Map.entry(t, a));
        });
        return layer.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 500)
    void garbageImportOnlyThrowsNetworkException(@ForAll("garbage") String code) {
        try {
            ImportResult r = PyTorchImporter.importCode(code);
            assertThat(r.network()).isNotNull();
        } catch (NetworkException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> garbage() {
        Arbitrary<String> tokens = Arbitraries.of("nn.Sequential(", "nn.Linear(", "nn.Conv2d(", "nn.ReLU()", ")", "(", "[", "]", ",", "=",
                "\n", "\n    ", "net", "model", "x", "torch.randn(", "for param in ", ".parameters():", "param.requires_grad = False",
                "import torch", "from torch import nn", "import torchvision.models as models", "models.vgg16(", "3", "-1", "0",
                "2**64", "1e9", "'same'", "\"", "'", "#", ":", "*", "//", "/", "%", "{", "}", "lambda", "if", "else", "def f():",
                "class", "model.features[-6:]", "[0]", ".", "kernel_size=", "padding=", " ", "\\\n", "@", "$", "?", "\t", "model.fc = ",
                "x = ", "num_classes=", "OrderedDict([", "('a', ", "requires_grad_(", "True", "None", "9" .repeat(30));
        Arbitrary<String> chars = Arbitraries.strings().ofMaxLength(30);
        return Arbitraries.oneOf(tokens, tokens, tokens, chars).list().ofMaxSize(40).map(l -> String.join("", l));
    }
}
