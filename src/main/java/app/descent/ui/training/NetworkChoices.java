package app.descent.ui.training;

import java.util.LinkedHashMap;
import java.util.Map;

/** Networks ready to train, as PyTorch code, beside whatever the Builder holds. */
final class NetworkChoices {
    static final String TOY_TANH = "2-8-8-2 tanh (toy sets)";
    static final String TOY_RELU_3 = "2-16-16-3 ReLU (3 classes)";
    static final String MLP = "MLP 784-128-10 (images)";
    static final String FROM_BUILDER = "The Builder's network";

    static final Map<String, String> CODE = new LinkedHashMap<>();

    static {
        CODE.put(TOY_TANH, "net = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 2))");
        CODE.put("2-16-16-2 ReLU (toy sets)",
                "net = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 2))");
        CODE.put(TOY_RELU_3,
                "net = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 3))");
        CODE.put(MLP, "net = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))");
        CODE.put("CNN 2 conv + 2 linear (images)", "net = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), "
                + "nn.MaxPool2d(2), nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), "
                + "nn.Linear(32 * 7 * 7, 64), nn.ReLU(), nn.Linear(64, 10))");
        CODE.replaceAll((k, v) -> "import torch.nn as nn\n" + v + "\n");
    }

    private NetworkChoices() {
    }
}
