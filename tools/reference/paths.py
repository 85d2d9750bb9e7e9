#!/usr/bin/env python3
"""Reference optimizer paths of torch.optim on functions of two variables, for PathReferenceTest.

Run with Debian's PyTorch (apt-get install python3-torch):  /usr/bin/python3 tools/reference/paths.py
Writes src/test/resources/reference/paths.json. Each expression is written in Descent's syntax, which for these
is also Python: it is evaluated here with torch's functions on p = torch.tensor([x0, y0]) (float32), and the
optimizer steps on p, as in `descent path`.
"""
import json
import math
import os

import torch

STEPS = 30

# id, expression (Descent's syntax and Python's), start, learning rate per optimizer
FUNCTIONS = [
    ("rosenbrock", "(1-x)**2 + 100*(y-x**2)**2", (-1.5, 2.0),
     {"sgd": 1e-3, "momentum": 5e-4, "nesterov": 5e-4, "rmsprop": 1e-2, "adagrad": 0.3, "adam": 0.05, "adamw": 0.05, "nadam": 0.05, "radam": 5e-4, "adamax": 0.05}),
    ("valley", "tanh(x)**2 + 0.01*abs(x) + sigmoid(y)", (5.0, 5.0),
     {"sgd": 1, "momentum": 0.5, "nesterov": 0.5, "rmsprop": 0.1, "adagrad": 1, "adam": 0.5, "adamw": 0.5, "nadam": 0.5, "radam": 0.5, "adamax": 0.5}),
    ("saddle", "x**2 - y**2", (1.0, 0.01),
     {"sgd": 0.05, "momentum": 0.02, "nesterov": 0.02, "rmsprop": 0.01, "adagrad": 0.1, "adam": 0.05, "adamw": 0.05, "nadam": 0.05, "radam": 0.02, "adamax": 0.05}),
    ("bowl", "x**2 + 3*y**2", (1.5, -1.0),
     {"sgd": 0.1, "momentum": 0.05, "nesterov": 0.05, "rmsprop": 0.05, "adagrad": 0.5, "adam": 0.1, "adamw": 0.1, "nadam": 0.1, "radam": 0.05, "adamax": 0.1}),
    ("noisy-bowl", "x**2 + y**2 + 0.1*sin(8*x)*sin(8*y)", (1.2, 0.9),
     {"sgd": 0.05, "momentum": 0.02, "nesterov": 0.02, "rmsprop": 0.02, "adagrad": 0.3, "adam": 0.05, "adamw": 0.05, "nadam": 0.05, "radam": 0.02, "adamax": 0.05}),
    ("waves", "sin(x)*cos(y) + 0.1*exp(x/2) + tanh(y - 1)**2", (0.3, -0.4),
     {"sgd": 0.2, "momentum": 0.1, "nesterov": 0.1, "rmsprop": 0.02, "adagrad": 0.3, "adam": 0.05, "adamw": 0.05, "nadam": 0.05, "radam": 0.1, "adamax": 0.05}),
    ("log-bowl", "log(1 + x**2 + 4*y**2) + abs(x - y)/10", (2.0, 1.5),
     {"sgd": 0.3, "momentum": 0.1, "nesterov": 0.1, "rmsprop": 0.03, "adagrad": 0.3, "adam": 0.1, "adamw": 0.1, "nadam": 0.1, "radam": 0.1, "adamax": 0.1}),
    ("steep-optimum", "-(exp(-((x-1)**2+(y+0.5)**2)/0.08) + exp(-((x+1)**2+(y-0.5)**2)/0.08)"
     " + exp(-((x+0.5)**2+(y+0.8)**2)/0.08))/(2*3.14159265*0.04)", (0.3, -0.2),
     {"sgd": 0.01, "momentum": 0.005, "nesterov": 0.005, "rmsprop": 0.01, "adagrad": 0.1, "adam": 0.02, "adamw": 0.02, "nadam": 0.02, "radam": 0.005, "adamax": 0.02}),
]

NAMES = ["sgd", "momentum", "nesterov", "rmsprop", "adagrad", "adam", "adamw", "nadam", "radam", "adamax"]

# PyTorch's defaults, as OptimizerSpec.of gives them
DEFAULTS = {"momentum": 0.0, "beta1": 0.9, "beta2": 0.999, "alpha": 0.99, "eps": 1e-8, "weightDecay": 0.0}

# each optimizer's hyperparameters (the registry's, app.descent.catalog.Optimizers); a case lists only these
TAKES = {
    "sgd": ["momentum", "weightDecay"], "momentum": ["momentum", "weightDecay"],
    "nesterov": ["momentum", "weightDecay"], "rmsprop": ["alpha", "eps", "weightDecay"],
    "adagrad": ["eps", "weightDecay"], "adam": ["beta1", "beta2", "eps", "weightDecay"],
    "adamw": ["beta1", "beta2", "eps", "weightDecay"],
    "nadam": ["beta1", "beta2", "eps", "weightDecay", "momentumDecay"],
    "radam": ["beta1", "beta2", "eps", "weightDecay"], "adamax": ["beta1", "beta2", "eps", "weightDecay"],
}

# non-default hyperparameters, one row per optimizer on one function
CUSTOM = {
    "sgd": {"weightDecay": 0.05},
    "momentum": {"momentum": 0.5},
    "nesterov": {"momentum": 0.7, "weightDecay": 0.02},
    "rmsprop": {"alpha": 0.9, "eps": 1e-6},
    "adagrad": {"eps": 1e-6},
    "adam": {"beta1": 0.8, "beta2": 0.99, "eps": 1e-6},
    "adamw": {"beta1": 0.5, "beta2": 0.9, "weightDecay": 0.2},
    "nadam": {"beta1": 0.8, "beta2": 0.99, "momentumDecay": 0.01},
    "radam": {"beta1": 0.8, "beta2": 0.9, "eps": 1e-6},
    "adamax": {"beta1": 0.8, "beta2": 0.99, "weightDecay": 0.05},
}

SCOPE = {"tanh": torch.tanh, "sigmoid": torch.sigmoid, "exp": torch.exp, "log": torch.log, "abs": torch.abs,
         "sin": torch.sin, "cos": torch.cos, "relu": torch.relu}


def settings(name):
    s = dict(DEFAULTS)
    if name in ("momentum", "nesterov"):
        s["momentum"] = 0.9
    if name == "adagrad":
        s["eps"] = 1e-10
    if name == "adamw":
        s["weightDecay"] = 0.01
    if name == "nadam":
        s["momentumDecay"] = 4e-3
    return {k: v for k, v in s.items() if k in TAKES[name]}


def make(name, params, lr, s):
    wd = s["weightDecay"]
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr, weight_decay=wd)
    if name in ("momentum", "nesterov"):
        return torch.optim.SGD(params, lr=lr, momentum=s["momentum"], nesterov=name == "nesterov", weight_decay=wd)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=s["alpha"], eps=s["eps"], weight_decay=wd)
    if name == "adagrad":
        return torch.optim.Adagrad(params, lr=lr, eps=s["eps"], weight_decay=wd)
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(s["beta1"], s["beta2"]), eps=s["eps"], weight_decay=wd)
    if name == "adamw":
        return torch.optim.AdamW(params, lr=lr, betas=(s["beta1"], s["beta2"]), eps=s["eps"], weight_decay=wd)
    if name == "nadam":
        return torch.optim.NAdam(params, lr=lr, betas=(s["beta1"], s["beta2"]), eps=s["eps"], weight_decay=wd,
                                 momentum_decay=s["momentumDecay"])
    if name == "radam":
        return torch.optim.RAdam(params, lr=lr, betas=(s["beta1"], s["beta2"]), eps=s["eps"], weight_decay=wd)
    if name == "adamax":
        return torch.optim.Adamax(params, lr=lr, betas=(s["beta1"], s["beta2"]), eps=s["eps"], weight_decay=wd)
    raise SystemExit(f"unknown optimizer {name}")


def run(expr, start, name, lr, s):
    points = walk(expr, start, name, lr, s)
    # a path that a change of one float32 ulp in the start moves visibly is chaotic: no second implementation
    # could follow it, so such a setting is no reference (lower its learning rate)
    for i in range(2):
        nudged = list(start)
        nudged[i] = float(torch.nextafter(torch.tensor(start[i], dtype=torch.float32), torch.tensor(math.inf)))
        other = walk(expr, nudged, name, lr, s)
        gap = max(abs(a - b) for p, q in zip(points, other) for a, b in zip(p, q))
        if gap > 1e-5:
            raise SystemExit(f"{expr} with {name} lr {lr} {s}: a 1-ulp nudge of the start moves the path by {gap:.2g}")
    return points


def walk(expr, start, name, lr, s):
    p = torch.tensor(start, dtype=torch.float32, requires_grad=True)
    opt = make(name, [p], lr, s)
    points = [[float(v) for v in p.detach()]]
    for _ in range(STEPS):
        opt.zero_grad()
        loss = eval(expr, dict(SCOPE), {"x": p[0], "y": p[1]})
        loss.backward()
        opt.step()
        point = [float(v) for v in p.detach()]
        if not all(math.isfinite(v) for v in point):
            raise SystemExit(f"{expr} with {name} lr {lr} diverges; choose a smaller rate")
        points.append(point)
    return points


def main():
    cases = []

    def add(fid, expr, start, name, lr, s, tag):
        cases.append({"id": f"{fid} {name} {tag}", "function": fid, "expr": expr, "start": list(start),
                      "optimizer": name, "lr": lr, **s, "points": run(expr, start, name, lr, s)})

    for fid, expr, start, rates in FUNCTIONS:
        for name in NAMES:
            base = settings(name)
            decays = [0.0, 0.01, 0.1] if name == "adamw" else [0.0, 0.1]
            for wd in decays:
                add(fid, expr, start, name, rates[name], {**base, "weightDecay": wd}, f"wd={wd}")
    fid, expr, start, rates = FUNCTIONS[4]
    for name in NAMES:
        add(fid, expr, start, name, rates[name], {**settings(name), **CUSTOM[name]},
            "custom " + ",".join(f"{k}={v}" for k, v in CUSTOM[name].items()))
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "src", "test", "resources", "reference", "paths.json")
    with open(path, "w") as f:
        json.dump({"torch": torch.__version__, "steps": STEPS, "cases": cases}, f, indent=None)
        f.write("\n")
    print(f"{len(cases)} cases -> {os.path.normpath(path)}")


if __name__ == "__main__":
    main()
