#!/usr/bin/env python3
"""Expressions with the activation gates of Backprop (one per activation of the registry), for AutogradReferenceTest.

Run with Debian's PyTorch (apt-get install python3-torch):  /usr/bin/python3 tools/reference/autograd_gates.py
Writes src/test/resources/reference/autograd-gates.json in the format of autograd-cases.json: each expression is
evaluated by Python on float64 tensors with the gates bound to torch.nn's modules, then differentiated by autograd.
Includes Hardtanh at its kinks ±1 and ReLU6 at 0 and 6, where PyTorch's slope is 0.
"""
import json
import os

import torch

GATES = {
    "sigmoid": torch.nn.Sigmoid(), "tanh": torch.nn.Tanh(), "relu": torch.nn.ReLU(),
    "leakyrelu": torch.nn.LeakyReLU(), "elu": torch.nn.ELU(), "gelu": torch.nn.GELU(), "silu": torch.nn.SiLU(),
    "softplus": torch.nn.Softplus(), "relu6": torch.nn.ReLU6(), "identity": torch.nn.Identity(),
    "mish": torch.nn.Mish(), "softsign": torch.nn.Softsign(), "hardtanh": torch.nn.Hardtanh(),
    "exp": torch.exp, "log": torch.log, "max": torch.maximum, "min": torch.minimum,
}

CASES = [
    ("mish((w * x) + b)", {"w": 0.5, "x": -1.5, "b": 0.25}),
    ("mish(x) * mish(x)", {"x": 1.2}),
    ("mish(x) + x * y", {"x": -3.0, "y": 2.0}),
    ("log(1 + exp(mish(w * x)))", {"w": 2.0, "x": 0.7}),
    ("softsign(w * x + b)", {"w": -1.5, "x": 2.0, "b": 0.5}),
    ("softsign(x) - softsign(-x) * y", {"x": 0.0, "y": 3.0}),
    ("softsign(x ** 2) / (1 + softsign(y))", {"x": 1.5, "y": -0.5}),
    ("hardtanh(w * x + b)", {"w": 0.5, "x": 1.0, "b": 0.2}),
    ("hardtanh(x)", {"x": 1.0}),
    ("hardtanh(x)", {"x": -1.0}),
    ("hardtanh(x * y) + x", {"x": 2.0, "y": -0.5}),
    ("hardtanh(x) * y", {"x": 1.5, "y": 2.0}),
    ("hardtanh(x) * hardtanh(y)", {"x": -2.5, "y": 0.3}),
    ("mish(hardtanh(x)) + softsign(hardtanh(y))", {"x": 0.4, "y": -0.8}),
    ("relu6(x) + relu6(y)", {"x": 6.0, "y": 0.0}),
    ("relu6(w * x)", {"w": 2.0, "x": 1.5}),
    ("leakyrelu(x) + elu(y)", {"x": -2.0, "y": -0.5}),
    ("gelu(x) * silu(y)", {"x": 0.8, "y": -1.3}),
    ("softplus(w * x) - identity(b)", {"w": 1.5, "x": 2.0, "b": 0.75}),
    ("max(mish(x), softsign(y))", {"x": -0.3, "y": 0.9}),
]


def main():
    out = []
    for expr, values in CASES:
        names = sorted(values)
        leaves = {n: torch.tensor(values[n], dtype=torch.float64, requires_grad=True) for n in names}
        scope = dict(GATES)
        scope.update(leaves)
        y = eval(expr, {"__builtins__": {}}, scope)
        y.backward()
        out.append({"expr": expr, "inputs": {n: values[n] for n in names}, "value": float(y),
                    "gradients": {n: float(leaves[n].grad) if leaves[n].grad is not None else 0.0 for n in names}})
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "src", "test", "resources", "reference", "autograd-gates.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
