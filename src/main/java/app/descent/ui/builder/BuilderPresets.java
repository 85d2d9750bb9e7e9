package app.descent.ui.builder;

import java.util.List;

/** Networks from the course's tutorials and exams, as the PyTorch code a student would paste. */
final class BuilderPresets {
    record Preset(String name, String code, String note) {
        @Override
        public String toString() {
            return name;
        }
    }

    private BuilderPresets() {
    }

    static final List<Preset> ALL = List.of(
            new Preset("Tutorial Q1: Linear(10,7)-ELU-Linear(7,1)-Sigmoid", """
                    import torch
                    import torch.nn as nn

                    model = nn.Sequential(
                        nn.Linear(10, 7),
                        nn.ELU(),
                        nn.Linear(7, 1),
                        nn.Sigmoid())
                    x = torch.randn(100, 10)
                    """, "Output (100, 1); 10·7 + 7 + 7·1 + 1 = 85 parameters."),
            new Preset("IIT: conv 7→8 channels, 5×5, on 16×16", """
                    import torch
                    from torch import nn

                    net = nn.Sequential(nn.Conv2d(7, 8, kernel_size=5, padding=2))
                    x = torch.randn(1, 7, 16, 16)
                    """, "8·7·5·5 + 8 = 1,408 parameters; 8·16·16·7·25 = 358,400 multiplications."),
            new Preset("IIT: its fully-connected counterpart", """
                    import torch
                    from torch import nn

                    net = nn.Sequential(nn.Flatten(), nn.Linear(7 * 16 * 16, 8 * 16 * 16))
                    x = torch.randn(1, 7, 16, 16)
                    """, "1792 · 2048 + 2048 = 3,672,064 parameters: weight sharing saves a factor of 2,600."),
            new Preset("Four 3×3 convolutions (receptive field 9×9)", """
                    import torch
                    from torch import nn

                    net = nn.Sequential(
                        nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(),
                        nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(),
                        nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(),
                        nn.Conv2d(8, 8, 3, padding=1), nn.ReLU())
                    x = torch.randn(1, 1, 32, 32)
                    """, "Each 3×3 convolution with stride 1 widens the receptive field by 2: 3, 5, 7, 9."),
            new Preset("TUM: 5×5 s2, 3×3 s2, 3×3 s2 (receptive field 17×17)", """
                    import torch
                    from torch import nn

                    net = nn.Sequential(
                        nn.Conv2d(3, 16, 5, stride=2),
                        nn.Conv2d(16, 32, 3, stride=2),
                        nn.Conv2d(32, 64, 3, stride=2))
                    x = torch.randn(1, 3, 64, 64)
                    """, "r = 5, then 5 + 2·2 = 9, then 9 + 2·4 = 17; the jump doubles with each stride 2."),
            new Preset("RNN: input 4, hidden 12, no bias (192 weights)", """
                    import torch
                    from torch import nn

                    net = nn.Sequential(nn.RNN(input_size=4, hidden_size=12, bias=False, batch_first=True))
                    x = torch.randn(1, 5, 4)
                    """, "W_ih 12·4 + W_hh 12·12 = 48 + 144 = 192; the same weights serve every time step."),
            new Preset("VGG16 frozen, last block and classifier trained (tutorial 8 Q6)", """
                    import torch
                    import torch.nn as nn
                    from torchvision import models

                    model = models.vgg16(pretrained=True)
                    for param in model.features.parameters():
                        param.requires_grad = False
                    for param in model.features[-6:].parameters():
                        param.requires_grad = True
                    model.classifier[6] = nn.Linear(4096, 10)
                    x = torch.randn(1, 3, 224, 224)
                    """, "features[-6:] and features[-5:] hold the same two 512→512 convolutions: the same trainable count."),
            new Preset("LeNet-5", """
                    import torch
                    from torch import nn

                    net = nn.Sequential(
                        nn.Conv2d(1, 6, 5), nn.Tanh(), nn.AvgPool2d(2),
                        nn.Conv2d(6, 16, 5), nn.Tanh(), nn.AvgPool2d(2),
                        nn.Flatten(),
                        nn.Linear(400, 120), nn.Tanh(),
                        nn.Linear(120, 84), nn.Tanh(),
                        nn.Linear(84, 10))
                    x = torch.randn(1, 1, 32, 32)
                    """, "LeCun's LeNet-5 with full C3 connections: 61,706 parameters."),
            new Preset("Depth vs width: K = 10 layers of D = 10 units", depth(10, 10),
                    "Add a layer: +110 parameters. Add a unit to every layer: each of the 10 layers grows from 110 to 132."),
            new Preset("… one more layer (K = 11)", depth(11, 10), "One more Linear(10, 10): 10·10 + 10 = 110 more."),
            new Preset("… one more unit per layer (D = 11)", depth(10, 11),
                    "Every Linear(11, 11) has 132 parameters: width costs more than depth here."));

    private static String depth(int layers, int units) {
        StringBuilder b = new StringBuilder("import torch\nfrom torch import nn\n\nnet = nn.Sequential(\n");
        for (int i = 0; i < layers; i++) {
            b.append("    nn.Linear(").append(units).append(", ").append(units).append("), nn.ReLU()")
                    .append(i == layers - 1 ? ")\n" : ",\n");
        }
        return b.append("x = torch.randn(1, ").append(units).append(")\n").toString();
    }
}
