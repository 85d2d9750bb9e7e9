package app.descent.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reference architectures. The torchvision ones ("alexnet", "vgg11", "vgg13", "vgg16", "vgg19", "resnet18",
 * "resnet34") have torchvision's module names and indices, so {@code features[-6:]} and {@code classifier[6]} mean
 * what they mean in torchvision; parameter counts match torchvision (vgg16 138,357,544; resnet18 11,689,512).
 * The course ones are plain nn.Sequential:
 * <ul>
 * <li>"lenet5": LeNet-5 in its common textbook variant on 1×32×32: Conv2d(1,6,5), Tanh, AvgPool2d(2), Conv2d(6,16,5),
 * Tanh, AvgPool2d(2), Flatten, Linear(400,120), Tanh, Linear(120,84), Tanh, Linear(84,10) — full C3 connections
 * (not LeCun's sparse table), parameterless average pooling and a linear output layer instead of RBF units;
 * 61,706 parameters.</li>
 * <li>"mlp": Flatten, Linear(784,128), ReLU, Linear(128,10) on 1×28×28; 101,770 parameters.</li>
 * <li>"mnist_cnn": Conv2d(1,32,3,padding=1), ReLU, MaxPool2d(2), Conv2d(32,64,3,padding=1), ReLU, MaxPool2d(2),
 * Flatten, Linear(3136,128), ReLU, Linear(128,10) on 1×28×28; 421,642 parameters.</li>
 * </ul>
 */
public final class ModelZoo {
    private ModelZoo() {
    }

    public static final List<String> TORCHVISION = List.of("alexnet", "vgg11", "vgg13", "vgg16", "vgg19", "resnet18", "resnet34");
    public static final List<String> COURSE = List.of("lenet5", "mlp", "mnist_cnn");

    public static List<String> names() {
        List<String> all = new ArrayList<>(COURSE);
        all.addAll(TORCHVISION);
        return all;
    }

    public static boolean isTorchvision(String name) {
        return TORCHVISION.contains(name);
    }

    /** A typical input shape with batch size 1. */
    public static List<Integer> defaultInput(String name) {
        return switch (name) {
            case "lenet5" -> List.of(1, 1, 32, 32);
            case "mlp", "mnist_cnn" -> List.of(1, 1, 28, 28);
            default -> {
                check(name);
                yield List.of(1, 3, 224, 224);
            }
        };
    }

    public static Network create(String name) {
        return create(name, isTorchvision(name) ? 1000 : 10);
    }

    public static Network create(String name, int numClasses) {
        if (numClasses < 1) {
            throw new NetworkException(name + " num_classes must be positive, got " + numClasses);
        }
        return switch (name) {
            case "lenet5" -> Network.sequential(conv(1, 6, 5), l("Tanh"), l("AvgPool2d", 2), conv(6, 16, 5), l("Tanh"), l("AvgPool2d", 2),
                    l("Flatten"), l("Linear", 400, 120), l("Tanh"), l("Linear", 120, 84), l("Tanh"), l("Linear", 84, numClasses));
            case "mlp" -> Network.sequential(l("Flatten"), l("Linear", 784, 128), l("ReLU"), l("Linear", 128, numClasses));
            case "mnist_cnn" -> Network.sequential(convP(1, 32, 3, 1), l("ReLU"), l("MaxPool2d", 2), convP(32, 64, 3, 1), l("ReLU"),
                    l("MaxPool2d", 2), l("Flatten"), l("Linear", 64 * 7 * 7, 128), l("ReLU"), l("Linear", 128, numClasses));
            case "alexnet" -> new Network(alexnet(numClasses), name, numClasses);
            case "vgg11" -> new Network(vgg(new int[] {64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0}, numClasses), name, numClasses);
            case "vgg13" -> new Network(vgg(new int[] {64, 64, 0, 128, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0}, numClasses), name, numClasses);
            case "vgg16" -> new Network(vgg(new int[] {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0}, numClasses), name, numClasses);
            case "vgg19" -> new Network(vgg(new int[] {64, 64, 0, 128, 128, 0, 256, 256, 256, 256, 0, 512, 512, 512, 512, 0,
                    512, 512, 512, 512, 0}, numClasses), name, numClasses);
            case "resnet18" -> new Network(resnet(new int[] {2, 2, 2, 2}, numClasses), name, numClasses);
            case "resnet34" -> new Network(resnet(new int[] {3, 4, 6, 3}, numClasses), name, numClasses);
            default -> throw check(name);
        };
    }

    private static NetworkException check(String name) {
        if (!names().contains(name)) {
            throw new NetworkException("unknown model '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return new NetworkException("unknown model '" + name + "'");
    }

    private static LayerSpec l(String type, Object... args) {
        return LayerSpec.of(type, args);
    }

    private static LayerSpec conv(int in, int out, int k) {
        return LayerSpec.of("Conv2d", in, out, k);
    }

    private static LayerSpec convP(int in, int out, int k, int padding) {
        return LayerSpec.of("Conv2d", List.of(in, out), Map.of("kernel_size", k, "padding", padding));
    }

    private static LayerSpec reluInplace() {
        return LayerSpec.kw("ReLU", Map.of("inplace", true));
    }

    private static Container alexnet(int numClasses) {
        List<LayerSpec> f = List.of(
                LayerSpec.of("Conv2d", List.of(3, 64), Map.of("kernel_size", 11, "stride", 4, "padding", 2)), reluInplace(),
                LayerSpec.kw("MaxPool2d", Map.of("kernel_size", 3, "stride", 2)),
                LayerSpec.of("Conv2d", List.of(64, 192), Map.of("kernel_size", 5, "padding", 2)), reluInplace(),
                LayerSpec.kw("MaxPool2d", Map.of("kernel_size", 3, "stride", 2)),
                LayerSpec.of("Conv2d", List.of(192, 384), Map.of("kernel_size", 3, "padding", 1)), reluInplace(),
                LayerSpec.of("Conv2d", List.of(384, 256), Map.of("kernel_size", 3, "padding", 1)), reluInplace(),
                LayerSpec.of("Conv2d", List.of(256, 256), Map.of("kernel_size", 3, "padding", 1)), reluInplace(),
                LayerSpec.kw("MaxPool2d", Map.of("kernel_size", 3, "stride", 2)));
        List<LayerSpec> c = List.of(LayerSpec.kw("Dropout", Map.of("p", 0.5)), LayerSpec.of("Linear", 256 * 6 * 6, 4096), reluInplace(),
                LayerSpec.kw("Dropout", Map.of("p", 0.5)), LayerSpec.of("Linear", 4096, 4096), reluInplace(),
                LayerSpec.of("Linear", 4096, numClasses));
        return Container.module("", List.of(Container.sequentialOf("features", f),
                new Layer("avgpool", LayerSpec.of("AdaptiveAvgPool2d", List.of(6, 6))),
                Container.sequentialOf("classifier", c)), "classifier");
    }

    /** cfg: channel counts, 0 = MaxPool2d(kernel_size=2, stride=2). */
    private static Container vgg(int[] cfg, int numClasses) {
        List<LayerSpec> f = new ArrayList<>();
        int in = 3;
        for (int v : cfg) {
            if (v == 0) {
                f.add(LayerSpec.kw("MaxPool2d", Map.of("kernel_size", 2, "stride", 2)));
            } else {
                f.add(LayerSpec.of("Conv2d", List.of(in, v), Map.of("kernel_size", 3, "padding", 1)));
                f.add(reluInplace());
                in = v;
            }
        }
        List<LayerSpec> c = List.of(LayerSpec.of("Linear", 512 * 7 * 7, 4096), reluInplace(), LayerSpec.kw("Dropout", Map.of("p", 0.5)),
                LayerSpec.of("Linear", 4096, 4096), reluInplace(), LayerSpec.kw("Dropout", Map.of("p", 0.5)),
                LayerSpec.of("Linear", 4096, numClasses));
        return Container.module("", List.of(Container.sequentialOf("features", f),
                new Layer("avgpool", LayerSpec.of("AdaptiveAvgPool2d", List.of(7, 7))),
                Container.sequentialOf("classifier", c)), "classifier");
    }

    private static Layer conv3x3(String name, int in, int out, int stride) {
        return new Layer(name, LayerSpec.of("Conv2d", List.of(in, out),
                Map.of("kernel_size", 3, "stride", stride, "padding", 1, "bias", false)));
    }

    private static Layer bn(String name, int c) {
        return new Layer(name, LayerSpec.of("BatchNorm2d", c));
    }

    private static Container basicBlock(String name, int in, int out, int stride) {
        List<NetworkNode> ch = new ArrayList<>(List.of(conv3x3("conv1", in, out, stride), bn("bn1", out),
                new Layer("relu", reluInplace()), conv3x3("conv2", out, out, 1), bn("bn2", out)));
        String shortcut = null;
        if (stride != 1 || in != out) {
            ch.add(Container.sequential("downsample", List.of(
                    new Layer("0", LayerSpec.of("Conv2d", List.of(in, out), Map.of("kernel_size", 1, "stride", stride, "bias", false))),
                    bn("1", out))));
            shortcut = "downsample";
        }
        return Container.residual(name, ch, shortcut, "relu");
    }

    private static Container resnet(int[] blocks, int numClasses) {
        List<NetworkNode> top = new ArrayList<>();
        top.add(new Layer("conv1", LayerSpec.of("Conv2d", List.of(3, 64),
                Map.of("kernel_size", 7, "stride", 2, "padding", 3, "bias", false))));
        top.add(bn("bn1", 64));
        top.add(new Layer("relu", reluInplace()));
        top.add(new Layer("maxpool", LayerSpec.kw("MaxPool2d", Map.of("kernel_size", 3, "stride", 2, "padding", 1))));
        int in = 64;
        int[] widths = {64, 128, 256, 512};
        for (int s = 0; s < 4; s++) {
            List<NetworkNode> stage = new ArrayList<>();
            for (int b = 0; b < blocks[s]; b++) {
                int stride = b == 0 && s > 0 ? 2 : 1;
                stage.add(basicBlock(String.valueOf(b), in, widths[s], stride));
                in = widths[s];
            }
            top.add(Container.sequential("layer" + (s + 1), stage));
        }
        top.add(new Layer("avgpool", LayerSpec.of("AdaptiveAvgPool2d", List.of(1, 1))));
        top.add(new Layer("fc", LayerSpec.of("Linear", 512, numClasses)));
        return Container.module("", top, "fc");
    }
}
