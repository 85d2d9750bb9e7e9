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

CONFIGS = [
    ("sgd", 0.05, {}, lambda p, lr, wd: torch.optim.SGD(p, lr=lr, weight_decay=wd)),
    ("momentum", 0.05, {"momentum": 0.9}, lambda p, lr, wd: torch.optim.SGD(p, lr=lr, momentum=0.9, weight_decay=wd)),
    ("nesterov", 0.05, {"momentum": 0.9},
     lambda p, lr, wd: torch.optim.SGD(p, lr=lr, momentum=0.9, nesterov=True, weight_decay=wd)),
    ("rmsprop", 0.01, {}, lambda p, lr, wd: torch.optim.RMSprop(p, lr=lr, alpha=0.99, eps=1e-8, weight_decay=wd)),
    ("adagrad", 0.1, {}, lambda p, lr, wd: torch.optim.Adagrad(p, lr=lr, eps=1e-10, weight_decay=wd)),
    ("adam", 0.05, {}, lambda p, lr, wd: torch.optim.Adam(p, lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=wd)),
    ("adamw", 0.05, {}, lambda p, lr, wd: torch.optim.AdamW(p, lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=wd)),
]


def run(make, lr, wd):
    w = torch.tensor(W0, dtype=torch.float32, requires_grad=True)
    t = torch.tensor(T, dtype=torch.float32)
    c = torch.tensor(C, dtype=torch.float32)
    opt = make([w], lr, wd)
    out = []
    for _ in range(STEPS):
        opt.zero_grad()
        loss = (c * (w - t) ** 2).sum()
        loss.backward()
        opt.step()
        out.append([float(x) for x in w.detach()])
    return out


def main():
    cases = []
    for name, lr, _, make in CONFIGS:
        for wd in ([0.0, 0.1] if name != "adamw" else [0.01, 0.1]):
            cases.append({"optimizer": name, "lr": lr, "weightDecay": wd, "w0": W0, "target": T, "scale": C,
                          "steps": run(make, lr, wd)})
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "src", "test", "resources", "reference", "optimizer-steps.json")
    with open(path, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
    print(f"{len(cases)} cases -> {os.path.normpath(path)}")


if __name__ == "__main__":
    main()
