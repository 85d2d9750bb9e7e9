#!/usr/bin/env python3
"""Activation spread and gradient norm by depth with torch.nn.init's initializers, for InitStudyReferenceTest.

Run with Debian's PyTorch:  /usr/bin/python3 tools/reference/init_study.py
Reads src/test/resources/reference/init-study.json (written by tools/reference/write-fixtures init-study: the batch's indices
in the shipped Fashion-MNIST training file, the mean and deviation that standardize it, the network's widths) and adds
"results": per activation and initializer the mean over seeds of each hidden layer's activation std (torch.std) and
of each Linear weight's gradient norm (cross-entropy, eval mode). Biases start at zero, as Descent's initializers
(other than default) leave them.
"""
import gzip
import json
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CASE = os.path.join(ROOT, "src", "test", "resources", "reference", "init-study.json")
DATA = os.path.join(ROOT, "datasets", "fashion-mnist")
ACTIVATIONS = {"identity": nn.Identity, "tanh": nn.Tanh, "relu": nn.ReLU, "sigmoid": nn.Sigmoid}


def idx(name):
    with gzip.open(os.path.join(DATA, name)) as f:
        data = f.read()
    return np.frombuffer(data, dtype=np.uint8, offset=16 if "images" in name else 8)


def initialize(w, spec):
    kind, _, value = spec.partition(":")
    if kind == "constant":
        nn.init.constant_(w, float(value))
    elif kind == "normal":
        nn.init.normal_(w, 0.0, float(value))
    elif kind == "xavier":
        nn.init.xavier_uniform_(w)
    elif kind == "kaiming":
        nn.init.kaiming_normal_(w)
    else:
        raise ValueError(spec)


def run(widths, activation, spec, x, labels, seed):
    torch.manual_seed(seed)
    layers = [nn.Flatten()]
    for k in range(len(widths) - 1):
        linear = nn.Linear(widths[k], widths[k + 1])
        initialize(linear.weight, spec)
        nn.init.zeros_(linear.bias)
        layers.append(linear)
        if k + 2 < len(widths):
            layers.append(ACTIVATIONS[activation]())
    net = nn.Sequential(*layers).eval()
    stds = []
    for layer in net:
        x = layer(x)
        if not isinstance(layer, (nn.Linear, nn.Flatten)):
            stds.append(float(x.detach().double().std()))
    F.cross_entropy(x, labels).backward()
    norms = [float(l.weight.grad.double().norm()) for l in net if isinstance(l, nn.Linear)]
    return stds, norms


def main():
    with open(CASE) as f:
        case = json.load(f)
    images = idx("train-images-idx3-ubyte.gz").reshape(-1, 1, 28, 28)
    all_labels = idx("train-labels-idx1-ubyte.gz")
    pick = np.array(case["indices"])
    x = torch.from_numpy(images[pick].astype(np.float32) / np.float32(255))
    x = ((x.double() - case["mean"]) / case["std"]).float()
    labels = torch.from_numpy(all_labels[pick].astype(np.int64))
    results = {}
    for activation in case["activations"]:
        results[activation] = {}
        for spec in case["initializers"]:
            runs = [run(case["widths"], activation, spec, x, labels, s) for s in range(case["seeds"])]
            results[activation][spec] = {
                "activationStd": np.mean([r[0] for r in runs], axis=0).tolist(),
                "gradientNorm": np.mean([r[1] for r in runs], axis=0).tolist(),
            }
    case["torch"] = torch.__version__
    case["results"] = results
    with open(CASE, "w") as f:
        json.dump(case, f, indent=1)
    print("init study ->", CASE)


if __name__ == "__main__":
    main()
