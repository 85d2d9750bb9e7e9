#!/usr/bin/env python3
"""Reference values and input gradients of PyTorch's losses, for LossesTest.

Run with Debian's PyTorch:  /usr/bin/python3 tools/reference/losses.py
Writes src/test/resources/reference/losses.json (float32, reduction='mean').
"""
import json
import os

import torch
import torch.nn.functional as F

LOGITS = [[2.0, -1.0, 0.5], [0.1, 0.2, 0.3], [-3.0, 4.0, 1.0], [50.0, -50.0, 0.0]]
LABELS = [0, 2, 1, 1]
PRED = [[0.5, -1.5], [2.0, 0.0], [1.25, 3.0]]
TARGET = [[1.0, -1.0], [0.0, 0.5], [1.0, 1.0]]
BIN_LOGITS = [[3.0], [-2.0], [0.0], [40.0], [-40.0]]
BIN_TARGET = [[1.0], [0.0], [1.0], [0.0], [1.0]]


def grad_of(fn, x):
    x = torch.tensor(x, dtype=torch.float32, requires_grad=True)
    loss = fn(x)
    loss.backward()
    return float(loss), x.grad.tolist()


def main():
    out = {"torch": torch.__version__}
    labels = torch.tensor(LABELS)
    target = torch.tensor(TARGET)
    bin_target = torch.tensor(BIN_TARGET)
    v, g = grad_of(lambda x: F.cross_entropy(x, labels), LOGITS)
    out["crossEntropy"] = {"logits": LOGITS, "labels": LABELS, "loss": v, "grad": g}
    v, g = grad_of(lambda x: F.mse_loss(x, target), PRED)
    out["mse"] = {"pred": PRED, "target": TARGET, "loss": v, "grad": g}
    v, g = grad_of(lambda x: F.binary_cross_entropy_with_logits(x, bin_target), BIN_LOGITS)
    out["bceWithLogits"] = {"logits": BIN_LOGITS, "target": BIN_TARGET, "loss": v, "grad": g}
    v, g = grad_of(lambda x: F.binary_cross_entropy(torch.sigmoid(x), bin_target), BIN_LOGITS)
    out["bceAfterSigmoid"] = {"logits": BIN_LOGITS, "target": BIN_TARGET, "loss": v, "grad": g}
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "src", "test", "resources", "reference", "losses.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
    print("losses ->", os.path.normpath(path))


if __name__ == "__main__":
    main()
