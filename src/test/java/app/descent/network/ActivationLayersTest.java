package app.descent.network;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.catalog.Activation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every activation of the registry is a layer type of the Builder's catalog with its torch arguments, imports from
 * PyTorch code (with its arguments), keeps the shape, and exports back to the same code.
 */
class ActivationLayersTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void importsInfersAndExportsEveryActivation(Activation a) {
        LayerType t = LayerType.get(a.torchName());
        assertThat(t.params()).extracting(LayerType.Param::name)
                .containsExactlyElementsOf(a.args().stream().map(Activation.Arg::name).toList());
        String code = "import torch.nn as nn\nnet = nn.Sequential(nn.Linear(4, 3), " + a.torchClass() + "(), nn.Linear(3, 2))\n";
        ImportResult r = PyTorchImporter.importCode(code);
        assertThat(r.ignored()).isEmpty();
        Network net = r.network();
        ShapeInference.Result shapes = ShapeInference.infer(net, List.of(5, 4));
        assertThat(shapes.outputShape()).containsExactly(5, 2);
        assertThat(shapes.layers().get(1).outputShape()).containsExactly(5, 3);
        String exported = PyTorchExporter.export(net);
        assertThat(exported).contains(a.torchClass() + "()");
        assertThat(PyTorchImporter.importCode(exported).network()).isEqualTo(net);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"HARDTANH"})
    void hardtanhKeepsItsBounds(Activation a) {
        Network net = PyTorchImporter.importCode("import torch.nn as nn\nnet = nn.Sequential(nn.Linear(4, 3), "
                + "nn.Hardtanh(min_val=-2.0, max_val=2.0))\n").network();
        String exported = PyTorchExporter.export(net);
        assertThat(exported).contains("nn.Hardtanh(min_val=-2.0, max_val=2.0)");
        assertThat(PyTorchImporter.importCode(exported).network()).isEqualTo(net);
    }
}
