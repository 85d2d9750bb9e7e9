package app.descent.network;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PyTorchImporterTest {

    static ImportResult imp(String code) {
        return PyTorchImporter.importCode(code);
    }

    @Test
    void variablesArithmeticAndImportStyles() {
        ImportResult r = imp("""
                import torch
                import torch.nn as nn

                n_input = 10
                n_hidden = 2*n_input   # twenty
                net = nn.Sequential(
                    torch.nn.Linear(n_input, n_hidden),
                    nn.ReLU(),
                    nn.Linear(n_hidden, (n_hidden + 4) // 3),
                    nn.Sequential(nn.Linear(8, 7 * 2 * 1), nn.Softmax(dim=-1),),  # nested
                )
                x = torch.rand((5, n_input))
                """);
        assertThat(r.ignored()).isEmpty();
        assertThat(r.inputShape()).contains(List.of(5, 10));
        ShapeInference.Result s = ShapeInference.infer(r.network(), r.inputShape().get());
        assertThat(s.outputShape()).containsExactly(5, 14);
        assertThat(s.layers()).extracting(ShapeInference.LayerResult::name).containsExactly("0", "1", "2", "3.0", "3.1");
        assertThat(((Layer) r.network().node("0")).spec()).isEqualTo(LayerSpec.of("Linear", 10, 20));
    }

    @Test
    void fromImportsAndKeywordArguments() {
        ImportResult r = imp("""
                from torch.nn import Sequential, Conv2d, MaxPool2d, Flatten
                from torch import nn
                net = Sequential(Conv2d(in_channels=3, out_channels=16, kernel_size=(3, 3), stride=1, padding='same', bias=False),
                                 MaxPool2d(2, ceil_mode=True), Flatten(), nn.Identity())
                x = torch.zeros(size=(2, 3, 9, 9))
                """);
        // torch itself is not imported: the x line is read as if it were, and a note says so
        assertThat(r.ignored()).isEmpty();
        assertThat(r.notes()).containsExactly("line 5: no import for 'torch'; read as if 'import torch' were written");
        assertThat(r.inputShape()).contains(List.of(2, 3, 9, 9));
        assertThat(ShapeInference.infer(r.network(), List.of(2, 3, 9, 9)).outputShape()).containsExactly(2, 16 * 5 * 5);
    }

    @Test
    void ignoredLinesAreListed() {
        ImportResult r = imp("""
                import torch
                from torch import nn
                import numpy as np
                net = nn.Sequential(nn.Linear(4, 2))
                optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
                x = torch.randn(3, 4)
                y = net(x)
                print(y.shape)
                net.eval()
                """);
        assertThat(r.ignored()).extracting(ImportResult.IgnoredLine::line).containsExactly(5, 8);
        assertThat(r.ignored().get(0).text()).isEqualTo("optimizer = torch.optim.SGD(net.parameters(), lr=0.1)");
        assertThat(r.inputShape()).contains(List.of(3, 4));
    }

    @Test
    void forwardCallChoosesTheInput() {
        ImportResult r = imp("""
                import torch
                from torch import nn
                net = nn.Sequential(nn.Linear(4, 2))
                x = torch.ones(3, 4)
                target = torch.zeros(3, 2)
                out = net(x)
                """);
        assertThat(r.inputShape()).contains(List.of(3, 4));
    }

    @Test
    void syntaxErrorsNameTheLine() {
        assertThatThrownBy(() -> imp("from torch import nn\n\nnet = nn.Sequential(\n    nn.Linear(10 5))\n"))
                .isInstanceOf(NetworkException.class).hasMessageStartingWith("line 4: syntax error");
        assertThatThrownBy(() -> imp("from torch import nn\nnet = nn.Sequential(\n    nn.Linear(10, 5),\n"))
                .isInstanceOf(NetworkException.class).hasMessage("line 2: '(' is never closed");
        assertThatThrownBy(() -> imp("from torch import nn\nnet = nn.Sequential(nn.Linear(10, 5)))\n"))
                .isInstanceOf(NetworkException.class).hasMessageStartingWith("line 2: unmatched ')'");
        assertThatThrownBy(() -> imp("from torch import nn\nnet = nn.Sequential(\n nn.Transformer(10))\n"))
                .isInstanceOf(NetworkException.class).hasMessageStartingWith("line 2: nn.Transformer is not supported");
        assertThatThrownBy(() -> imp("from torch import nn\nnet = nn.Sequential(nn.Linear(10))\n"))
                .hasMessage("line 2: Linear missing required argument 'out_features'");
        assertThatThrownBy(() -> imp("from torch import nn\nnet = nn.Sequential(nn.Linear(n_in, 3))\n"))
                .hasMessageContaining("line 2: name 'n_in' is not defined");
        assertThatThrownBy(() -> imp("from torch import nn\nnet = nn.Sequential(nn.Linear(10, 3, bias=True, foo=1))\n"))
                .hasMessage("line 2: Linear got an unexpected keyword argument 'foo'");
        assertThatThrownBy(() -> imp("import torch\nx = torch.randn(2, 3)\n")).hasMessageStartingWith("no network found");
    }

    @Test
    void classBasedModulesAreIgnoredNotMisread() {
        String code = """
                import torch
                from torch import nn
                class Net(nn.Module):
                    def __init__(self):
                        super().__init__()
                        self.fc = nn.Linear(4, 2)
                    def forward(self, x):
                        return self.fc(x)
                head = nn.Sequential(nn.Linear(4, 2))
                """;
        ImportResult r = imp(code);
        assertThat(r.ignored()).extracting(ImportResult.IgnoredLine::line).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(r.network().params()).isEqualTo(10);
    }

    @Test
    void zooModelsFreezingAndReplacement() {
        ImportResult r = imp("""
                import torch
                from torch import nn
                from torchvision import models
                model = models.resnet18(weights=models.ResNet18_Weights.DEFAULT)
                for param in model.parameters():
                    param.requires_grad = False
                model.fc = nn.Linear(512, 10)
                x = torch.randn(8, 3, 224, 224)
                """);
        assertThat(r.ignored()).isEmpty();
        assertThat(r.network().params()).isEqualTo(11_689_512L - 513_000 + 5_130);
        assertThat(r.network().trainableParams()).isEqualTo(5_130);
        assertThat(ShapeInference.infer(r.network(), r.inputShape().get()).outputShape()).containsExactly(8, 10);

        ImportResult v = imp("""
                import torchvision.models as models
                model = models.vgg11(num_classes=10)
                model.features.requires_grad_(False)
                model.classifier[-1] = torch.nn.Linear(4096, 2)
                """);
        assertThat(v.ignored()).isEmpty(); // torch not imported: read as if it were
        assertThat(v.notes()).containsExactly("line 4: no import for 'torch'; read as if 'import torch' were written");
        assertThat(((Layer) v.network().node("classifier.6")).spec()).isEqualTo(LayerSpec.of("Linear", 4096, 2));

        assertThatThrownBy(() -> imp("import torchvision.models as models\nmodel = models.resnet50()\n"))
                .hasMessageStartingWith("line 2: torchvision model 'resnet50' is not in the model zoo");
        assertThatThrownBy(() -> imp("import torchvision.models as models\nfrom torch import nn\nmodel = models.vgg16()\nmodel.classifier[9] = nn.ReLU()\n"))
                .hasMessageStartingWith("line 4: cannot replace model.classifier[9]");
    }

    @Test
    void orderedDictNames() {
        ImportResult r = imp("""
                from collections import OrderedDict
                import torch.nn as nn
                net = nn.Sequential(OrderedDict([
                    ('conv1', nn.Conv2d(1, 20, 5)),
                    ('relu1', nn.ReLU()),
                ]))
                """);
        assertThat(r.network().leaves()).extracting(Network.Leaf::path).containsExactly("conv1", "relu1");
        assertThat(r.network().params()).isEqualTo(20 * 25 + 20);
    }

    @Test
    void tensorFactories() {
        for (Map.Entry<String, List<Integer>> e : Map.of(
                "torch.randn(100, 10)", List.of(100, 10),
                "torch.rand(2, 3)", List.of(2, 3),
                "torch.zeros((4, 5))", List.of(4, 5),
                "torch.ones(size=[1, 3, 8, 8])", List.of(1, 3, 8, 8),
                "torch.randint(0, 10, (4, 7))", List.of(4, 7),
                "torch.randn(16, 3, 32, 32, requires_grad=True)", List.of(16, 3, 32, 32)).entrySet()) {
            ImportResult r = imp("import torch\nfrom torch import nn\nnet = nn.Sequential(nn.ReLU())\nx = " + e.getKey() + "\n");
            assertThat(r.inputShape()).as(e.getKey()).contains(e.getValue());
        }
    }

    @Test
    void exportRoundTripOfZooModels() {
        Network vgg = ModelZoo.create("vgg16").freeze("features").unfreeze("features[-6:]")
                .replace("classifier.6", new Layer("6", LayerSpec.of("Linear", 4096, 10)));
        String code = PyTorchExporter.export(vgg, List.of(1, 3, 224, 224));
        assertThat(code).contains("model = models.vgg16()", "model.classifier[6] = nn.Linear(4096, 10)",
                "for param in model.features.parameters(): param.requires_grad = False");
        ImportResult back = imp(code);
        assertThat(back.ignored()).isEmpty();
        assertThat(back.network().trainableParams()).isEqualTo(vgg.trainableParams());
        assertThat(specsAndTrainable(back.network())).isEqualTo(specsAndTrainable(vgg));

        Network res = ModelZoo.create("resnet18", 10).freeze("").unfreeze("layer4")
                .replace("fc", Container.sequentialOf("fc", List.of(LayerSpec.of("Linear", 512, 64), LayerSpec.of("ReLU"), LayerSpec.of("Linear", 64, 10))));
        ImportResult back2 = imp(PyTorchExporter.export(res));
        assertThat(specsAndTrainable(back2.network())).isEqualTo(specsAndTrainable(res));
        assertThat(back2.network().numClasses()).isEqualTo(10);

        Network lenet = ModelZoo.create("lenet5").freeze("[0:3]");
        assertThat(imp(PyTorchExporter.export(lenet)).network()).isEqualTo(lenet);
    }

    static List<String> specsAndTrainable(Network n) {
        return n.leaves().stream().map(l -> l.path() + " " + l.layer().spec()
                + (ShapeInference.params(l.layer().spec()) > 0 ? " " + l.layer().trainable() : "")).toList();
    }

    @org.junit.jupiter.api.Test
    void snippetsWithoutImportsReadTheUsualAliases() {
        ImportResult r = PyTorchImporter.importCode("model = models.resnet18(num_classes=10)\n"
                + "y = F.relu(torch.randn(2, 3))\n");
        assertThat(r.network().leaves()).isNotEmpty();
        assertThat(r.notes()).containsExactly(
                "line 1: no import for 'models'; read as if 'import torchvision.models as models' were written",
                "line 2: no import for 'F'; read as if 'import torch.nn.functional as F' were written",
                "line 2: no import for 'torch'; read as if 'import torch' were written");
        // a name the snippet defines itself is its own
        ImportResult own = PyTorchImporter.importCode("import torch.nn as layers\nnn = layers\nnet = nn.Sequential(nn.Linear(2, 2))\n");
        assertThat(own.notes()).isEmpty();
    }
}
