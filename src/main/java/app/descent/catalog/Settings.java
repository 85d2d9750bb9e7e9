package app.descent.catalog;

/**
 * The settings of a training run or a study that no other registry describes (the optimizers' hyperparameters are in
 * {@link Optimizers}, the activations in {@link Activation}, the layers' arguments in network.Layers): what each does,
 * in one sentence, and how PyTorch writes it. The window's tooltips read them, so every form says the same.
 */
public enum Settings {
    DATASET("Dataset", "the examples the network learns from", "a torch.utils.data.Dataset, e.g. torchvision.datasets.MNIST"),
    SAMPLES("Samples", "how many points the toy dataset has", "n_samples in sklearn.datasets.make_moons(n_samples=...)"),
    NOISE("Noise", "how far the toy points scatter around their shape", "noise in sklearn.datasets.make_moons(noise=...)"),
    NETWORK("Network", "the layers that are trained", "model = nn.Sequential(...)"),
    LOSS("Loss", "the number training makes small: how wrong the outputs are",
            "nn.CrossEntropyLoss(), nn.MSELoss() or nn.BCEWithLogitsLoss()"),
    OPTIMIZER("Optimizer", "the rule that turns the gradients into a step of the weights",
            "torch.optim.SGD(params, lr), torch.optim.Adam(params, lr), ..."),
    LEARNING_RATE("Learning rate", "how far each step moves the weights", "lr in torch.optim.Adam(params, lr=...)"),
    LEARNING_RATE_RANGE("Learning rate range", "the smallest and largest learning rate the search tries, drawn "
            + "log-uniformly", "trial.suggest_float('lr', LOW, HIGH, log=True) with lr in torch.optim.Adam(params, lr=...)"),
    WEIGHT_DECAY_RANGE("Weight decay range", "the smallest and largest L2 penalty the search tries",
            "trial.suggest_float('weight_decay', LOW, HIGH, log=True) with weight_decay in torch.optim.AdamW"),
    INITIALIZER("Initializer", "how the weights are drawn before training starts",
            "torch.nn.init, e.g. nn.init.kaiming_normal_(layer.weight)"),
    ACTIVATION("Activation", "the function applied after every hidden layer", "nn.ReLU(), nn.Tanh(), nn.Sigmoid(), ..."),
    BATCH_SIZE("Batch size", "how many examples each step averages its gradient over",
            "batch_size in torch.utils.data.DataLoader(dataset, batch_size=...)"),
    BATCH_SIZES("Batch sizes", "the batch sizes the search tries, separated by commas",
            "trial.suggest_categorical('batch_size', [...]) with DataLoader(dataset, batch_size=...)"),
    EPOCHS("Epochs", "how many times training goes through the whole training set", "for epoch in range(epochs): ..."),
    SEED("Seed", "fixes the random numbers, so that the same settings give the same run again", "torch.manual_seed(seed)"),
    DEVICE("Device", "where the tensors live and the arithmetic runs: the CPU or a GPU",
            "model.to(torch.device('cuda'))"),
    SCHEDULE("Schedule", "how the learning rate changes while training, e.g. step:10:0.5 halves it every 10 epochs",
            "torch.optim.lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.5)"),
    CLIP_NORM("Clip norm", "scales the gradient down whenever its norm is above this value (empty: never)",
            "torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)"),
    PATIENCE("Patience", "stops training after this many epochs without a better validation loss (0: never stops early)",
            "no built-in; the early-stopping check in your own training loop"),
    TRIALS("Trials", "how many settings the search trains and compares", "n_trials in optuna study.optimize(objective, n_trials=...)"),
    GRID_SEARCH("Grid search", "tries every combination of a few values instead of random draws",
            "optuna.samplers.GridSampler(search_space)"),
    SEARCH_TASK("Task", "the data and network whose hyperparameters are tuned", "the objective(trial) function optuna calls"),
    STUDY("Study", "a course experiment: the same network trained under settings that differ in one thing",
            "one training loop per setting, e.g. for lr in [...]: ..."),
    VARY("Vary", "your own grid: a setting and the values to train with, e.g. lr=0.001,0.01,0.1",
            "one training loop per value, e.g. for lr in [0.001, 0.01, 0.1]: ..."),
    INSPECT_EVERY("Every N steps", "how often the histograms and gradient norms are measured while training",
            "a forward hook (module.register_forward_hook) read every N steps"),
    SURFACE("Surface", "the function f(x, y) whose minimum the optimizers race to", "loss = f(w) with w = torch.tensor([x, y], requires_grad=True)"),
    START("Start", "where every optimizer begins on the surface", "w = torch.tensor([x, y], requires_grad=True)"),
    STEPS("Steps", "how many optimizer steps each path takes", "for step in range(steps): opt.zero_grad(); loss.backward(); opt.step()"),
    ;

    private final String label;
    private final String what;
    private final String pytorch;

    Settings(String label, String what, String pytorch) {
        this.label = label;
        this.what = what;
        this.pytorch = pytorch;
    }

    public String label() {
        return label;
    }

    /** How PyTorch writes it. */
    public String pytorch() {
        return pytorch;
    }

    /** One sentence for a tooltip: "Learning rate: how far each step moves the weights. PyTorch: lr in ...". */
    public String description() {
        return label + ": " + what + ". PyTorch: " + pytorch;
    }
}
