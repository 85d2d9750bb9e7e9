#!/usr/bin/env python3
"""Per-layer statistics of one batch, as `descent inspect` reports them, for InspectionReferenceTest.

Run with Debian's PyTorch:  /usr/bin/python3 tools/reference/inspection.py
Reads src/test/resources/reference/inspect-cases.json with, per case, NAME.npz (the weights, state_dict keys) and
NAME-batch.npz (x, labels), all written by tools/reference/write-fixtures inspection. Writes
src/test/resources/reference/inspect.json: the network in eval mode, cross-entropy from logits, std unbiased
(torch.std), dead = exactly 0 for every example of the batch.
"""
import json
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.normpath(os.path.join(HERE, "..", "..", "src", "test", "resources", "reference"))
ACTIVATIONS = {"ReLU", "ReLU6", "LeakyReLU", "PReLU", "ELU", "SELU", "CELU", "GELU", "SiLU", "Mish", "Sigmoid",
               "Tanh", "Hardtanh", "Hardswish", "Hardsigmoid", "Softplus", "Softsign", "Identity"}


def stats(prefix, t):
    t = t.detach().double().flatten()
    return {prefix + "Mean": float(t.mean()), prefix + "Std": float(t.std()), prefix + "Norm": float(t.norm())}


def inspect(case):
    net = nn.Sequential(*[getattr(nn, l["type"])(**l["args"]) for l in case["layers"]])
    state = {k: torch.from_numpy(v) for k, v in np.load(os.path.join(REF, "inspect-%s.npz" % case["name"])).items()}
    missing, unexpected = net.load_state_dict(state, strict=False)
    assert not unexpected and all(k.endswith("num_batches_tracked") for k in missing), (missing, unexpected)
    batch = np.load(os.path.join(REF, "inspect-%s-batch.npz" % case["name"]))
    x = torch.from_numpy(batch["x"])
    labels = torch.from_numpy(batch["labels"]).long()
    net.eval()
    outputs = []
    for layer in net:
        x = layer(x)
        outputs.append(x)
    loss = F.cross_entropy(x, labels)
    loss.backward()
    layers = []
    for i, (spec, layer, out) in enumerate(zip(case["layers"], net, outputs)):
        row = {"index": i, "type": spec["type"], "outputShape": list(out.shape)}
        row.update(stats("output", out))
        weight = getattr(layer, "weight", None)
        if isinstance(weight, torch.nn.Parameter):
            row.update(stats("weight", weight))
            row.update(stats("grad", weight.grad))
        if spec["type"] in ACTIVATIONS:
            row["deadFraction"] = float((out == 0).all(dim=0).double().mean())
        layers.append(row)
    return {"loss": float(loss), "layers": layers}


def main():
    with open(os.path.join(REF, "inspect-cases.json")) as f:
        cases = json.load(f)
    out = {"torch": torch.__version__, "cases": {c["name"]: inspect(c) for c in cases}}
    path = os.path.join(REF, "inspect.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
    print("inspect ->", path)


if __name__ == "__main__":
    main()
