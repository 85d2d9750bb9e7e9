#!/usr/bin/env python3
"""Values and derivatives of torch.nn's activations, for ActivationTest.

Run with Debian's PyTorch (apt-get install python3-torch):  /usr/bin/python3 tools/reference/activations.py
Writes src/test/resources/reference/activations.json (double precision).
"""
import json
import os

import torch

XS = [-30.0, -8.0, -4.0, -2.5, -1.0, -0.5, -1e-3, 0.0, 1e-3, 0.3, 1.0, 1.41421356, 2.4, 4.0, 8.0, 25.0]
# the kinks and their neighbourhoods: Hardtanh's at ±1 (PyTorch's slope there is 0), ReLU6's at 0 and 6
KINKS = [-1.5, -1.0 - 1e-9, -1.0 + 1e-9, -0.999, 0.999, 1.0 - 1e-9, 1.0 + 1e-9, 1.2, 1.5, 3.0, 5.999, 6.0, 6.001, 7.0]
MODULES = {
    "Sigmoid": torch.nn.Sigmoid(), "Tanh": torch.nn.Tanh(), "ReLU": torch.nn.ReLU(),
    "LeakyReLU": torch.nn.LeakyReLU(), "ELU": torch.nn.ELU(), "GELU": torch.nn.GELU(),
    "SiLU": torch.nn.SiLU(), "Softplus": torch.nn.Softplus(), "ReLU6": torch.nn.ReLU6(),
    "Identity": torch.nn.Identity(), "Mish": torch.nn.Mish(), "Softsign": torch.nn.Softsign(),
    "Hardtanh": torch.nn.Hardtanh(),
}


def main():
    cases = []
    xs = sorted(set(XS + KINKS))
    for name, module in MODULES.items():
        x = torch.tensor(xs, dtype=torch.float64, requires_grad=True)
        y = module(x)
        y.sum().backward()
        cases.append({"activation": name, "x": xs, "value": [float(v) for v in y.detach()],
                      "derivative": [float(v) for v in x.grad]})
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "..", "src", "test", "resources", "reference", "activations.json")
    with open(out, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)


if __name__ == "__main__":
    main()
