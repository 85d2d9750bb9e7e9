#!/usr/bin/env python3
"""Reference trajectories of torch.optim on a fixed quadratic, for OptimizerReferenceTest.

Run with Debian's PyTorch (apt-get install python3-torch):  /usr/bin/python3 tools/reference/optimizers.py
Writes src/test/resources/reference/optimizer-steps.json. Loss: sum(c * (w - t)^2), float32, 8 steps.
"""
import json
import os

import torch

W0 = [1.5, -0.5, 0.25, -2.0]
T = [0.3, -1.2, 2.0, 0.1]
C = [1.0, 10.0, 0.5, 3.0]
STEPS = 8
# RAdam rectifies only from step 6 on (rho_t > 5): its cases run longer so that both branches are checked
LONG = {"radam": 12}

CONFIGS = [
    ("sgd", 0.05, {}, lambda p, lr, wd: torch.optim.SGD(p, lr=lr, weight_decay=wd)),
    ("momentum", 0.05, {"momentum": 0.9}, lambda p, lr, wd: torch.optim.SGD(p, lr=lr, momentum=0.9, weight_decay=wd)),
    ("nesterov", 0.05, {"momentum": 0.9},
     lambda p, lr, wd: torch.optim.SGD(p, lr=lr, momentum=0.9, nesterov=True, weight_decay=wd)),
    ("rmsprop", 0.01, {}, lambda p, lr, wd: torch.optim.RMSprop(p, lr=lr, alpha=0.99, eps=1e-8, weight_decay=wd)),
    ("adagrad", 0.1, {}, lambda p, lr, wd: torch.optim.Adagrad(p, lr=lr, eps=1e-10, weight_decay=wd)),
    ("adam", 0.05, {}, lambda p, lr, wd: torch.optim.Adam(p, lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=wd)),
    ("adamw", 0.05, {}, lambda p, lr, wd: torch.optim.AdamW(p, lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=wd)),
    ("nadam", 0.05, {}, lambda p, lr, wd: torch.optim.NAdam(p, lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=wd,
                                                             momentum_decay=4e-3)),
    ("radam", 0.05, {}, lambda p, lr, wd: torch.optim.RAdam(p, lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=wd)),
    ("adamax", 0.05, {}, lambda p, lr, wd: torch.optim.Adamax(p, lr=lr, betas=(0.9, 0.999), eps=1e-8,
                                                               weight_decay=wd)),
]


def run(make, lr, wd, steps=STEPS):
    w = torch.tensor(W0, dtype=torch.float32, requires_grad=True)
    t = torch.tensor(T, dtype=torch.float32)
    c = torch.tensor(C, dtype=torch.float32)
    opt = make([w], lr, wd)
    out = []
    for _ in range(steps):
        opt.zero_grad()
        loss = (c * (w - t) ** 2).sum()
        loss.backward()
        opt.step()
        out.append([float(x) for x in w.detach()])
    return out


# a small net's training steps: Linear(3, 4), Tanh, Linear(4, 2), cross-entropy (mean) on one fixed batch
NET_STEPS = 8
NET_LR = {"sgd": 0.1, "momentum": 0.1, "nesterov": 0.1, "rmsprop": 0.01, "adagrad": 0.1, "adam": 0.02, "adamw": 0.02,
          "nadam": 0.02, "radam": 0.02, "adamax": 0.02}


def net_case(name, make):
    torch.manual_seed(7)
    net = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Tanh(), torch.nn.Linear(4, 2))
    x = torch.randn(5, 3)
    labels = torch.tensor([0, 1, 1, 0, 1])
    params = [net[0].weight, net[0].bias, net[2].weight, net[2].bias]
    start = [p.detach().flatten().tolist() for p in params]
    wd = 0.01 if name == "adamw" else 0.0
    opt = make(params, NET_LR[name], wd)
    steps = []
    for _ in range(NET_STEPS):
        opt.zero_grad()
        torch.nn.functional.cross_entropy(net(x), labels).backward()
        opt.step()
        steps.append([p.detach().flatten().tolist() for p in params])
    return {"optimizer": name, "lr": NET_LR[name], "weightDecay": wd, "x": x.flatten().tolist(),
            "labels": labels.tolist(), "start": start, "steps": steps}


def main():
    cases = []
    for name, lr, _, make in CONFIGS:
        for wd in ([0.0, 0.1] if name != "adamw" else [0.01, 0.1]):
            cases.append({"optimizer": name, "lr": lr, "weightDecay": wd, "w0": W0, "target": T, "scale": C,
                          "steps": run(make, lr, wd, LONG.get(name, STEPS))})
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "src", "test", "resources", "reference", "optimizer-steps.json")
    with open(path, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases,
                   "net": [net_case(name, make) for name, _, _, make in CONFIGS]}, f, indent=1)
    print(f"{len(cases)} cases -> {os.path.normpath(path)}")


if __name__ == "__main__":
    main()
