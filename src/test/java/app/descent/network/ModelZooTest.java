package app.descent.network;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelZooTest {

    @Test
    void torchvisionTotals() {
        assertThat(ModelZoo.create("resnet18").params()).isEqualTo(11_689_512);
        assertThat(ModelZoo.create("vgg16").params()).isEqualTo(138_357_544);
        assertThat(ModelZoo.create("alexnet").params()).isEqualTo(61_100_840);
        assertThat(ModelZoo.create("vgg11").params()).isEqualTo(132_863_336);
        assertThat(ModelZoo.create("vgg13").params()).isEqualTo(133_047_848);
        assertThat(ModelZoo.create("vgg19").params()).isEqualTo(143_667_240);
        assertThat(ModelZoo.create("resnet34").params()).isEqualTo(21_797_672);
    }

    @Test
    void everyZooModelRunsOnItsDefaultInput() {
        for (String name : ModelZoo.names()) {
            Network n = ModelZoo.create(name);
            ShapeInference.Result r = ShapeInference.infer(n, ModelZoo.defaultInput(name));
            assertThat(r.outputShape()).as(name).containsExactly(1, ModelZoo.isTorchvision(name) ? 1000 : 10);
            assertThat(r.params()).as(name).isEqualTo(n.params());
        }
    }

    @Test
    void courseModels() {
        assertThat(ModelZoo.create("lenet5").params()).isEqualTo(156 + 2416 + 48120 + 10164 + 850);
        assertThat(ModelZoo.create("mlp").params()).isEqualTo(784 * 128 + 128 + 128 * 10 + 10);
        assertThat(ModelZoo.create("mnist_cnn").params()).isEqualTo(320 + 18496 + 3136 * 128 + 128 + 1290);
    }

    @Test
    void resnetShapesAndNames() {
        ShapeInference.Result r = ShapeInference.infer(ModelZoo.create("resnet18"), List.of(2, 3, 224, 224));
        Map<String, List<Integer>> byName = new java.util.HashMap<>();
        r.layers().forEach(l -> byName.put(l.name(), l.outputShape()));
        assertThat(byName.get("maxpool")).containsExactly(2, 64, 56, 56);
        assertThat(byName.get("layer2.0.downsample.0")).containsExactly(2, 128, 28, 28);
        assertThat(byName.get("layer4.1.bn2")).containsExactly(2, 512, 7, 7);
        assertThat(byName.get("fc")).containsExactly(2, 1000);
        // BasicBlock runs its relu twice: 4 + 8 blocks·(5 + 1 extra relu) + 3 downsample·2 + avgpool + fc
        assertThat(r.layers()).hasSize(4 + 8 * 6 + 3 * 2 + 2);
        assertThat(r.macs()).isBetween(1_800_000_000L, 1_830_000_000L); // torchinfo: 1.81 G mult-adds
    }

    @Test
    void vggIndicesAreTorchvisions() {
        Network vgg16 = ModelZoo.create("vgg16");
        assertThat(((Layer) vgg16.node("classifier.6")).spec()).isEqualTo(LayerSpec.of("Linear", 4096, 1000));
        assertThat(((Layer) vgg16.node("features[-1]")).type()).isEqualTo("MaxPool2d");
        assertThat(vgg16.select("features[-6:]")).containsExactly("features.25", "features.26", "features.27", "features.28",
                "features.29", "features.30");
        ShapeInference.Result r = ShapeInference.infer(vgg16, List.of(1, 3, 224, 224));
        assertThat(r.macs()).isBetween(15_400_000_000L, 15_500_000_000L); // 15.47 GMACs
    }

    // vgg16 sizes from torchvision's definition: conv 3x3 a→b has 9ab+b params
    static final long CONV_512_512 = 9L * 512 * 512 + 512; // 2,359,808
    static final long CLASSIFIER = (25088L * 4096 + 4096) + (4096L * 4096 + 4096) + (4096L * 1000 + 1000);

    @Test
    void vgg16FreezingTutorial8Q6() {
        assertThat(CONV_512_512).isEqualTo(2_359_808);
        Network frozen = ModelZoo.create("vgg16").freeze("features");
        assertThat(frozen.trainableParams()).isEqualTo(CLASSIFIER).isEqualTo(123_642_856);
        // features[-6:] = relu 25, conv 26, relu 27, conv 28, relu 29, pool 30: two 512→512 convs
        assertThat(frozen.unfreeze("features[-6:]").trainableParams()).isEqualTo(CLASSIFIER + 2 * CONV_512_512);
        // features[-5:] starts at conv 26: the same two convs
        assertThat(frozen.unfreeze("features[-5:]").trainableParams()).isEqualTo(CLASSIFIER + 2 * CONV_512_512);
        // features[-7:] reaches conv 24 too
        assertThat(frozen.unfreeze("features[-7:]").trainableParams()).isEqualTo(CLASSIFIER + 3 * CONV_512_512);
        assertThat(ModelZoo.create("vgg16").freeze("").trainableParams()).isZero();
    }

    @Test
    void vgg16FreezingFromCode() {
        for (String slice : List.of("-6:", "-5:")) {
            ImportResult r = PyTorchImporter.importCode("""
                    import torch
                    import torch.nn as nn
                    import torchvision.models as models

                    model = models.vgg16(pretrained=True)
                    for param in model.features.parameters():
                        param.requires_grad = False
                    for param in model.features[%s].parameters(): param.requires_grad = True
                    model.classifier[6] = nn.Linear(4096, 10)
                    """.formatted(slice));
            assertThat(r.ignored()).isEmpty();
            long classifier10 = CLASSIFIER - (4096L * 1000 + 1000) + (4096L * 10 + 10);
            assertThat(r.network().trainableParams()).isEqualTo(classifier10 + 2 * CONV_512_512);
            assertThat(r.network().params()).isEqualTo(138_357_544L - 4_097_000 + 40_970);
        }
    }
}
